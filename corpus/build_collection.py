"""A later collection's settled labels -> corpus files, split by source group (a mailbox folder, a
site or a repository). Written for the second and third collections:

  python3 build_collection.py --batches 21-26 --prefixes em4,pg4 --files email-3,pages-2 --adjudication adjudicate4 --blind-one-in 3 [--write]
  python3 build_collection.py --batches 27-30 --prefixes em5,pg5 --files email-4,pages-3 --adjudication adjudicate5 --blind-one-in 1 [--write]

(the third collection went wholly blind, see README.md; its too-long labels were then set by
literal_too_long.mjs). Reads /work/data as the collection pipeline left it.
"""
import argparse, collections, glob, hashlib, json, os, re

RULES = ["quid-pro-quo", "no-first-hand-basis", "repeat-follow-up", "no-graceful-out", "generic-template", "no-shared-context", "no-specifics", "unclear-intent", "no-value-for-recipient", "premature-pitch", "demanding-tone", "too-long", "email-workaround", "mass-blast", "no-timeline", "no-direct-contact"]
SEVERITY = {"quid-pro-quo": "blocker", "no-first-hand-basis": "blocker", "repeat-follow-up": "blocker", "no-timeline": "tip", "no-direct-contact": "tip"}

a = argparse.ArgumentParser()
a.add_argument("--batches", required=True)
a.add_argument("--prefixes", required=True, help="e-mail collector's prefix, then the pages collector's")
a.add_argument("--files", required=True, help="corpus file names for the e-mails and the pages")
a.add_argument("--adjudication", required=True)
a.add_argument("--blind-one-in", type=int, required=True, help="1: every group blind; 3: one group in three")
a.add_argument("--write", action="store_true")
o = a.parse_args()
first, last = map(int, o.batches.split("-"))
email_prefix, pages_prefix = o.prefixes.split(",")
email_file, pages_file = o.files.split(",")
os.chdir("/work/data")

def load(path):
    return {r["id"]: r for r in (json.loads(l) for l in open(path) if l.strip())} if os.path.exists(path) else {}

raw = {}
for prefix in (email_prefix, pages_prefix):
    for f in glob.glob(f"raw/{prefix}-*.jsonl"):
        raw.update(load(f))

def verdict(kind, flags):
    if kind == "other": return "not-an-ask"
    if any(SEVERITY.get(f) == "blocker" for f in flags): return "dont-send"
    return "revise" if any(f not in SEVERITY for f in flags) else "ready"

def group(r):
    src = (r.get("source") or "").split(" via ")[0]
    if r["id"].startswith(email_prefix): return re.sub(r"\s+Message-ID.*$", "", src)
    m = re.match(r"github:([^/]+/[^/]+)", src)
    if m: return "github:" + m.group(1)
    m = re.match(r"https?://([^?#]+)", src)
    return m.group(1).rstrip("/") if m else src

def is_blind(r):
    return int(hashlib.sha256(group(r).encode()).hexdigest(), 16) % o.blind_one_in == 0

out, stats, pending = collections.defaultdict(list), collections.Counter(), []
for batch, info in sorted(json.load(open("assignments.json")).items()):
    if not first <= int(batch[1:3]) <= last: continue
    la, lb = info["lanes"]
    A, B = load(f"labels/{la}/{batch}.jsonl"), load(f"labels/{lb}/{batch}.jsonl")
    disputes, settled = load(f"{o.adjudication}/queue/{batch}.jsonl"), load(f"{o.adjudication}/settled/{batch}.jsonl")
    if disputes and not os.path.exists(f"{o.adjudication}/settled/{batch}.done"):
        pending.append(batch); continue
    for i, x in A.items():
        if i not in B or i not in raw: continue
        y, r = B[i], raw[i]
        if i in disputes:
            if i not in settled: stats["unsettled"] += 1; continue
            kind, flags, note = settled[i]["kind"], settled[i]["flags"], "settled: " + settled[i].get("note", "")
            stats["settled"] += 1
        else:
            kind, flags, note = x["kind"], x["flags"], x.get("note", "") or y.get("note", "")
            stats["agreed"] += 1
        flags = [f for f in RULES if f in flags] if kind != "other" else []
        keep = []
        if kind != "other":
            in_text = [k for k in x.get("must_keep", []) if k.lower() in r["text"].lower()]
            both = [k for k in in_text if k.lower() in [z.lower() for z in y.get("must_keep", [])]]
            keep = (both or in_text)[:5]
        item = {"id": i, "text": r["text"], "kind": kind, "flags": flags, "verdict": verdict(kind, flags), "must_keep": keep, "note": note, "source": r.get("source"), "origin": r.get("origin")}
        out[("blind" if is_blind(r) else "train", email_file if i.startswith(email_prefix) else pages_file)].append(item)

if o.write:
    for (split, name), items in out.items():
        with open(f"/work/main/corpus/{split}/{name}.jsonl", "w") as f:
            for it in sorted(items, key=lambda x: x["id"]): f.write(json.dumps(it, ensure_ascii=False) + "\n")
for k, v in sorted(out.items()): print(k, len(v), collections.Counter(x["kind"] for x in v).most_common(4))
print(stats, "pending", pending)
