# results_race.py TRIALS N [STORY]: N anonymous workshop participants of the same session finish
# at the same moment, sharing one results folder (from shared/cases/hostile/results_race.py).
# Prints, per trial, how many players' own games are in no results file they were told of, how
# many files hold another player's game, and duplicates; then a TOTAL line. Exit status 1 when
# any game was lost, mismatched or duplicated. LADDER names the binary (default build/ladder).
import json, os, shutil, subprocess, sys, tempfile, glob, random, re
L = os.environ.get('LADDER', 'build/ladder')
base = tempfile.mkdtemp(prefix='ladder-race-')
os.makedirs(base, exist_ok=True)
trials = int(sys.argv[1]); N = int(sys.argv[2])
tot_lost = tot_mis = tot_dup = 0
for t in range(trials):
    tdir = tempfile.mkdtemp(dir=base)
    res = os.path.join(tdir, 'results'); os.makedirs(res)
    procs = []
    for i in range(N):
        d = os.path.join(tdir, 'p%d' % i); os.makedirs(d)
        rnd = random.Random(t * 1000 + i)
        lines = ''.join('{"choose":%d}\n' % rnd.randint(1, 2) for _ in range(12)) + '{"quit":true}\n'
        env = dict(os.environ, XDG_DATA_HOME=d, XDG_CONFIG_HOME=d)
        p = subprocess.Popen([L, 'play', 'demo', '--ui', 'json', '--session', 'ROOM1', '--results', res, '--anonymous', '--seed', str(1000 + i)],
                             stdin=subprocess.PIPE, stdout=open(d + '/out', 'w'), stderr=open(d + '/err', 'w'), env=env)
        procs.append((p, d, lines))
    for p, d, lines in procs:
        p.stdin.write(lines.encode()); p.stdin.close()
    for p, d, lines in procs: p.wait()
    # each player's own journal, from its autosave
    mine = {}
    for p, d, lines in procs:
        a = glob.glob(d + '/ladder/saves/demo/autosave.json')
        j = json.load(open(a[0]))
        mine[d] = j['seed']
    files = {}
    for f in glob.glob(res + '/*.json'):
        j = json.load(open(f)); files[f] = j['seed']
    lost = mis = 0
    owners = {}
    for p, d, lines in procs:
        txt = open(d + '/out').read() + open(d + '/err').read()
        claimed = re.findall(r'results were written to (\S+?\.json)', txt)
        ok = any(f in files and files[f] == mine[d] for f in claimed)
        if not ok: lost += 1
        for f in claimed:
            owners.setdefault(f, []).append(d)
            if f in files and files[f] != mine[d]: mis += 1
    contents = list(files.values())
    dup = len(contents) - len(set(contents))
    print('trial %d: %d players, %d files, players whose own results are in no file they were told of: %d, files holding another player\'s game: %d, duplicate files: %d' % (t, N, len(files), lost, mis, dup))
    tot_lost += lost; tot_mis += mis; tot_dup += dup
print('TOTAL lost=%d mismatched=%d duplicates=%d' % (tot_lost, tot_mis, tot_dup))
shutil.rmtree(base, ignore_errors=True)
sys.exit(1 if tot_lost or tot_mis or tot_dup else 0)
