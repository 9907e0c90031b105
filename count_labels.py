# writer's own bracket counter (not project code): counts labels, checks balance, no nesting, no label spans a line
import re, sys
tot=[0]*5
for p in sys.argv[1:]:
    body=[l for l in open(p, encoding='utf-8') if not l.startswith('#!')]
    t=''.join(body)
    for l in body:
        assert l.count('[[')==l.count(']]') and l.count('{{')==l.count('}}'), (p, l)
    priv=re.findall(r'\[\[(?!#)(.+?)\]\]', t)
    cont=re.findall(r'\[\[#(.+?)\]\]', t)
    keep=re.findall(r'\{\{(.+?)\}\}', t)
    nested=[x for x in priv+cont+keep if '[[' in x or '{{' in x or ']]' in x or '}}' in x]
    assert not nested, (p, nested)
    posts=sum(l.startswith('@post') for l in body); com=sum(l.startswith('@comment') for l in body)
    r=[posts, com, len(priv), len({x.lower() for x in priv}), len(keep), len(cont)]
    print(p.split('/')[-1], 'posts', r[0], 'comments', r[1], 'private', r[2], 'distinct', r[3], 'keep', r[4], 'contacts', r[5])
