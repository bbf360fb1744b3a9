# autosave_race.py N: N games of the same story (tests/fixtures/good/endless) and data folder at
# once, through the JSON front end, taking decisions in turn (after shared/cases/hostile/
# autosave_race.py). Each must end with an autosave of its own holding its own seed and every
# decision it took; every game but the first must have been told where it autosaves; nothing is
# overwritten. Then: --continue resumes the most recent autosave; and a game killed with -9
# does not keep its autosave locked (the next game takes autosave.json, untold). Exit status 1
# on any failure. LADDER names the binary (default build/ladder).
import glob, json, os, shutil, signal, subprocess, sys, tempfile

L = os.environ.get('LADDER', 'build/ladder')
story = 'tests/fixtures/good/endless'
n_games = int(sys.argv[1]) if len(sys.argv) > 1 else 2
steps = 4
d = tempfile.mkdtemp(prefix='ladder-autosave-race-')
env = dict(os.environ, XDG_DATA_HOME=d, XDG_CONFIG_HOME=d, HOME=d)
saves = os.path.join(d, 'ladder', 'saves', 'endless')
failures = []


def start(seed, *extra):
    p = subprocess.Popen([L, 'play', story, '--ui', 'json', '--seed', str(seed)] + list(extra),
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, text=True, bufsize=1)
    first = json.loads(p.stdout.readline())  # hello (or the first scene)
    return p, first


def send(p, msg):
    p.stdin.write(msg + '\n')
    p.stdin.flush()
    out = []
    while True:
        o = json.loads(p.stdout.readline())
        out.append(o)
        if o['type'] in ('scene', 'error', 'saved'):
            return out


def autosaves():
    found = {}
    for f in glob.glob(os.path.join(saves, 'autosave*.json')):
        j = json.load(open(f))
        found[os.path.basename(f)] = (j['seed'], len(j['decisions']))
    return found


games = []
for k in range(n_games):
    p, _ = start(100 + k)
    games.append({'p': p, 'seed': str(100 + k), 'notices': []})
for step in range(steps):
    for g in games:
        for o in send(g['p'], '{"choose":1}'):
            if o['type'] == 'notice':
                g['notices'].append(o['message'])
for g in games:
    g['p'].stdin.close()
    g['p'].wait()
found = autosaves()
print('autosaves:', found)
for i, g in enumerate(games):
    mine = [f for f, (seed, n) in found.items() if seed == g['seed']]
    if len(mine) != 1 or found[mine[0]][1] != steps:
        failures.append('game %d (seed %s): its autosave is not one file with its %d decisions: %s'
                        % (i + 1, g['seed'], steps, mine))
        continue
    told = [m for m in g['notices'] if 'open in another game' in m]
    if mine[0] == 'autosave.json':
        if told:
            failures.append('game %d writes autosave.json but was told otherwise' % (i + 1))
    elif not told or mine[0] not in told[0]:
        failures.append('game %d writes %s but was not told so: %s' % (i + 1, mine[0], g['notices']))
    print('game %d: seed %s -> %s, notices %s' % (i + 1, g['seed'], mine[0], told))
if len(found) != n_games:
    failures.append('%d autosave files for %d games' % (len(found), n_games))

# --continue resumes the most recent autosave: the last game to decide was the last one
p, first = start(1, '--continue')
p.stdin.close()
p.wait()
if first.get('decision') != steps:
    failures.append('--continue did not resume a game of %d decisions: %s' % (steps, first))

# a game killed with -9 does not keep the autosave locked
shutil.rmtree(saves, ignore_errors=True)
p, _ = start(7)
send(p, '{"choose":1}')
p.send_signal(signal.SIGKILL)
p.wait()
p, _ = start(8)
out = send(p, '{"choose":1}')
p.stdin.close()
p.wait()
if any(o['type'] == 'notice' and 'open in another game' in o['message'] for o in out):
    failures.append('a game killed with -9 still holds its autosave: %s' % out)
found = autosaves()
if found.get('autosave.json', ('', 0))[0] != '8':
    failures.append('after a killed game, the next one does not autosave to autosave.json: %s'
                    % found)
print('after kill -9, the next game autosaves to:', sorted(found))

shutil.rmtree(d, ignore_errors=True)
for f in failures:
    print('FAIL:', f)
print('%d games at once: %s' % (n_games, 'nothing lost, everyone told' if not failures else
                                 '%d failure(s)' % len(failures)))
sys.exit(1 if failures else 0)
