"""Third collection (batches b27-b30): settled labels -> corpus/blind/{email-4,pages-3}.jsonl (written to train/ first, then kept blind, see README)."""
import json,os,glob,hashlib,re,collections,sys
os.chdir('/work/data')
reg=json.load(open('assignments.json'))
RULES=["quid-pro-quo","no-first-hand-basis","repeat-follow-up","no-graceful-out","generic-template","no-shared-context","no-specifics","unclear-intent","no-value-for-recipient","premature-pitch","demanding-tone","too-long","email-workaround","mass-blast","no-timeline","no-direct-contact"]
SEV={"quid-pro-quo":"blocker","no-first-hand-basis":"blocker","repeat-follow-up":"blocker","no-timeline":"tip","no-direct-contact":"tip"}
def load(p): return {r['id']:r for r in (json.loads(l) for l in open(p) if l.strip())} if os.path.exists(p) else {}
raw={}
for f in glob.glob('raw/em5-*.jsonl')+glob.glob('raw/pg5-*.jsonl'):
    for l in open(f):
        r=json.loads(l); raw[r['id']]=r
def verdict(kind,flags):
    if kind=='other': return 'not-an-ask'
    if any(SEV.get(f)=='blocker' for f in flags): return 'dont-send'
    if any(SEV.get(f,'warn')=='warn' for f in flags): return 'revise'
    return 'ready'
def group(r):
    src=(r.get('source') or '').split(' via ')[0]
    if r['id'].startswith('em5'): return re.sub(r'\s+Message-ID.*$','',src)   # one mailbox folder = one group
    m=re.match(r'github:([^/]+/[^/]+)',src)
    if m: return 'github:'+m.group(1)
    m=re.match(r'https?://([^?#]+)',src)
    return m.group(1).rstrip('/') if m else src
family=lambda i: 'email-4' if i.startswith('em5') else 'pages-3'
is_blind=lambda r: False  # all of the third collection trains the models
out=collections.defaultdict(list); stats=collections.Counter(); pending=[]
for batch,info in sorted(reg.items()):
    if int(batch[1:3])<27: continue
    la,lb=info['lanes']
    A,B=load(f'labels/{la}/{batch}.jsonl'),load(f'labels/{lb}/{batch}.jsonl')
    disputes=load(f'adjudicate5/queue/{batch}.jsonl'); settled=load(f'adjudicate5/settled/{batch}.jsonl')
    if disputes and not os.path.exists(f'adjudicate5/settled/{batch}.done'): pending.append(batch); continue
    for i,a in A.items():
        if i not in B or i not in raw: continue
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
        out[('blind' if is_blind(r) else 'train',family(i))].append(item)
if '--write' in sys.argv:
    for (split,fam),items in out.items():
        items.sort(key=lambda x:x['id'])
        with open(f'/work/main/corpus/{split}/{fam}.jsonl','w') as f:
            for it in items: f.write(json.dumps(it,ensure_ascii=False)+"\n")
for k,v in sorted(out.items()): print(k,len(v),collections.Counter(x['kind'] for x in v).most_common(4))
print(stats,'pending',pending)
