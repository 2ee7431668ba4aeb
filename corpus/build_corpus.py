"""Settled labels -> corpus files in the repo: train and blind splits by source group."""
import json,os,glob,hashlib,re,collections,sys
os.chdir('/work/data')
reg=json.load(open('assignments.json'))
drop=set(json.load(open('overlap-with-real-enron.json')))
RULES=["quid-pro-quo","no-first-hand-basis","repeat-follow-up","no-graceful-out","generic-template","no-shared-context","no-specifics","unclear-intent","no-value-for-recipient","premature-pitch","demanding-tone","too-long","email-workaround","mass-blast","no-timeline","no-direct-contact"]
SEV={"quid-pro-quo":"blocker","no-first-hand-basis":"blocker","repeat-follow-up":"blocker","no-timeline":"tip","no-direct-contact":"tip"}
def load(p): return {r['id']:r for r in (json.loads(l) for l in open(p) if l.strip())} if os.path.exists(p) else {}
raw={}
for f in glob.glob('raw/*.jsonl'):
    for l in open(f):
        r=json.loads(l); raw[r['id']]=r
def verdict(kind,flags):
    if kind=='other': return 'not-an-ask'
    if any(SEV.get(f)=='blocker' for f in flags): return 'dont-send'
    if any(SEV.get(f,'warn')=='warn' for f in flags): return 'revise'
    return 'ready'
def group(r):
    src=r.get('source','') or ''
    fam=r['id'].split('-')[0]
    if r.get('origin')=='written' or not src or src=='written': return r['id']
    if fam.startswith('em'): return src
    src=src.split(' via ')[0]
    m=re.match(r'github:([^/]+/[^/]+)',src)
    if m: return 'github:'+m.group(1)
    m=re.match(r'https?://([^?#]+)',src)
    return m.group(1).rstrip('/') if m else src
def family(i):
    p=i.split('-')[0]
    return {'pg1':'pages','pg2':'pages','pg3':'pages','em1':'email','em2':'email','em3':'email-2','ch1':'chat'}.get(p,p)
def is_blind(r):
    return int(hashlib.sha256(group(r).encode()).hexdigest(),16)%4==0
out=collections.defaultdict(list); stats=collections.Counter(); pending=[]
for batch,info in sorted(reg.items()):
    la,lb=info['lanes']
    if not (os.path.exists(f'labels/{la}/{batch}.done') and os.path.exists(f'labels/{lb}/{batch}.done')): pending.append(batch); continue
    A,B=load(f'labels/{la}/{batch}.jsonl'),load(f'labels/{lb}/{batch}.jsonl')
    adj='adjudicate3' if batch >= 'b18' else 'adjudicate2'
    settled=load(f'{adj}/settled/{batch}.jsonl')
    if not os.path.exists(f'adjudicate/queue/{batch}.jsonl'): pending.append(batch+'(merge)'); continue
    disputes=load(f'adjudicate/queue/{batch}.jsonl')
    if disputes and not os.path.exists(f'{adj}/settled/{batch}.done'): pending.append(batch+'(adjudication)'); continue
    for i,a in A.items():
        if i in drop or i not in B: continue
        b=B[i]; r=raw[i]
        if i in disputes:
            s=settled.get(i)
            if not s: stats['unsettled']+=1; continue
            kind,flags,note=s['kind'],s['flags'],'settled: '+s.get('note','')
            stats['settled']+=1
        else:
            kind,flags,note=a['kind'],a['flags'],a.get('note','') or b.get('note','')
            stats['agreed']+=1
        flags=[f for f in RULES if f in flags] if kind!='other' else []
        mk=[]
        if kind!='other':
            lb_=[x.lower() for x in b.get('must_keep',[])]
            mk=[x for x in a.get('must_keep',[]) if x.lower() in lb_ and x.lower() in r['text'].lower()]
            if not mk: mk=[x for x in a.get('must_keep',[]) if x.lower() in r['text'].lower()]
        item={"id":i,"text":r['text'],"kind":kind,"flags":flags,"verdict":verdict(kind,flags),"must_keep":mk[:5],"note":note,"source":r.get('source'),"origin":r.get('origin')}
        if 'non-english' in (r.get('category') or '').lower():
            out[('other-languages','chat')].append(item); continue
        split='blind' if is_blind(r) else 'train'
        out[(split,family(i))].append(item)
base='/work/main/corpus'
for d in ('train','blind','other-languages'): os.makedirs(f'{base}/{d}',exist_ok=True)
if '--write' in sys.argv:
    for (split,fam),items in out.items():
        items.sort(key=lambda x:x['id'])
        with open(f'{base}/{split}/{fam}.jsonl','w') as f:
            for it in items: f.write(json.dumps(it,ensure_ascii=False)+"\n")
for k,v in sorted(out.items()): print(k,len(v),collections.Counter(x['kind'] for x in v).most_common(3))
print(stats,'pending',pending)
