#!/usr/bin/env python3
"""Reads a Stryker.NET mutation-report.json: prints the score table by file (markdown) and, with
--list, every mutant that survived or had no coverage, one line each, as in heads-survivors.md."""
import json, sys, os

def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    report = json.load(open(args[0]))
    listing = '--list' in sys.argv
    totals = dict(Killed=0, Timeout=0, Survived=0, NoCoverage=0)
    rows, survivors = [], []
    for path, f in sorted(report['files'].items()):
        path = path[path.find('src/'):] if 'src/' in path else path
        lines = f['source'].splitlines()
        c = dict(Killed=0, Timeout=0, Survived=0, NoCoverage=0)
        for m in f['mutants']:
            s = m['status']
            if s not in c: continue
            c[s] += 1
            if s in ('Survived', 'NoCoverage'):
                line = m['location']['start']['line']
                code = lines[line - 1].strip() if line <= len(lines) else ''
                survivors.append(f"{os.path.basename(path)}:{line} [{s}] {m['mutatorName']} -> '{m.get('replacement','')[:60]}' | {code[:100]}")
        valid = sum(c.values())
        if valid == 0: continue
        for k in c: totals[k] += c[k]
        rows.append((path, c, valid))
    print('| file | killed | timeout | survived | no coverage | score |')
    print('|---|---|---|---|---|---|')
    for path, c, valid in rows:
        print(f"| `{path}` | {c['Killed']} | {c['Timeout']} | {c['Survived']} | {c['NoCoverage']} | {100*(c['Killed']+c['Timeout'])/valid:.1f} % |")
    valid = sum(totals.values())
    print(f"| **total** | **{totals['Killed']}** | **{totals['Timeout']}** | **{totals['Survived']}** | **{totals['NoCoverage']}** | **{100*(totals['Killed']+totals['Timeout'])/valid:.1f} %** ({totals['Killed']+totals['Timeout']}/{valid}) |")
    if listing:
        print('\n```')
        print('\n'.join(survivors))
        print('```')

main()
