/* window_history.c: what a long history costs the window (issue 16, item 14). For 10, 1,000
 * and 10,000 decisions behind (the endless fixture, SDL's dummy driver and software renderer,
 * an autosave in a temporary data folder), it continues the game as the window's Continue
 * does and prints the time to read the autosave (session load), from there to the first frame,
 * the first decision (with its autosave, which a resumed game writes whole, and its frame) and
 * a decision after it (the mean of DECISIONS - 1), with each row's ratio to the 10-decision
 * row (the floor; the goal is 1.0 at every length).
 * Run: build/tests/bench_window_history [SOURCE_DIR [N ...]].
 * Under valgrind --tool=callgrind it marks its phases (load-N, first-N, decision1-N,
 * decisions-N), so that
 * tests/bench/window_history.sh can print instruction counts, which load on the machine does
 * not move. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#endif
#endif
#ifndef CALLGRIND_DUMP_STATS_AT /* without valgrind's headers: no marks */
#define CALLGRIND_DUMP_STATS_AT(name) ((void)(name))
#define CALLGRIND_ZERO_STATS ((void)0)
#endif

#include "core/game.h"
#include "core/session.h"
#include "lua/lua_host.h"
#include "ui/sdl/sdl_test.h"
#include "ui/ui.h"

#define DECISIONS 5 /* timed decisions after the first frame */
#define MAX_ROWS 16

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double opened, first, second, last;
static char mark[64]; /* the phase's name for callgrind */

/* Frame 1 is the first; after frames 1..DECISIONS a key takes the first choice. */
static void frame(int n, void *ud)
{
    int behind = *(const int *)ud;
    last = now();
    if (n == 1) {
        first = last - opened;
        snprintf(mark, sizeof mark, "first-%d", behind);
        CALLGRIND_DUMP_STATS_AT(mark);
    }
    if (n == 2) { /* the first decision: it writes the autosave whole (a resumed game) */
        second = last;
        snprintf(mark, sizeof mark, "decision1-%d", behind);
        CALLGRIND_DUMP_STATS_AT(mark);
    }
    if (n == DECISIONS + 1) {
        snprintf(mark, sizeof mark, "decisions-%d", behind);
        CALLGRIND_DUMP_STATS_AT(mark);
    }
    if (n <= DECISIONS) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = SDLK_1;
        SDL_PushEvent(&e);
    }
}

/* A game of behind decisions of the story at path, autosaved in the data folder. */
static int play_behind(const char *path, int behind)
{
    Err err;
    Story *st = story_load(path, &err);
    if (!st) {
        fprintf(stderr, "%s: %s\n", path, err.msg);
        return -1;
    }
    SessionOptions so = {.seed = 1, .seed_given = true};
    Session *s = session_open(st, &so, &err);
    if (!s) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    for (int i = 0; i < behind; i++)
        if (session_choose(s, (size_t)(i % 2), 1.0, &err) != 0) {
            fprintf(stderr, "decision %d: %s\n", i + 1, err.msg);
            session_free(s);
            return -1;
        }
    session_free(s);
    return 0;
}

int main(int argc, char **argv)
{
    const char *src = argc > 1 ? argv[1] : ".";
    int behind[MAX_ROWS] = {10, 1000, 10000};
    size_t rows = 3;
    if (argc > 2) {
        rows = 0;
        for (int i = 2; i < argc && rows < MAX_ROWS; i++)
            behind[rows++] = atoi(argv[i]);
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/fixtures/good/endless", src);
    char tmp[] = "/tmp/ladder-bench-XXXXXX";
    if (!mkdtemp(tmp))
        return 1;
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    host_install(lua_host());
    printf("decisions   session load   first frame   load + first   first decision   a decision\n"
           "   behind           (ms)          (ms)  (ms, x floor)            (ms)  (ms, x floor)\n");
    double floor_open = 0, floor_step = 0;
    int rc = 0;
    for (size_t k = 0; k < rows && rc == 0; k++) {
        char data[64]; /* a data folder of the row's own: one autosave, no previous game */
        snprintf(data, sizeof data, "%s/%d", tmp, behind[k]);
        setenv("XDG_DATA_HOME", data, 1);
        if (play_behind(path, behind[k]) != 0) {
            rc = 1;
            break;
        }
        Err err;
        Story *st = story_load(path, &err);
        if (!st) {
            fprintf(stderr, "%s: %s\n", path, err.msg);
            rc = 1;
            break;
        }
        SessionOptions so = {.seed = 1, .seed_given = true, .resume = true};
        CALLGRIND_ZERO_STATS;
        double t0 = now();
        Session *s = session_open(st, &so, &err);
        double loaded = now() - t0;
        snprintf(mark, sizeof mark, "load-%d", behind[k]);
        CALLGRIND_DUMP_STATS_AT(mark);
        if (!s) {
            fprintf(stderr, "%s\n", err.msg);
            rc = 1;
            break;
        }
        if (game_decision_count(session_game(s)) != (size_t)behind[k]) {
            fprintf(stderr, "the autosave resumed %zu decisions, not %d\n",
                    game_decision_count(session_game(s)), behind[k]);
            rc = 1;
        }
        UiConfig cfg = {.window = {.frames = DECISIONS + 1}};
        ui_sdl_on_frame(frame, &behind[k]);
        opened = now();
        ui_sdl.play(s, &cfg);
        ui_sdl_on_frame(NULL, NULL);
        ui_sdl.shutdown();
        double step = (last - second) / (DECISIONS - 1), one = second - opened - first;
        if (k == 0) {
            floor_open = loaded + first;
            floor_step = step;
        }
        printf("%9d   %12.1f   %11.1f   %6.1f (%4.1fx)   %14.1f   %4.1f (%4.1fx)\n", behind[k],
               loaded * 1000, first * 1000, (loaded + first) * 1000,
               (loaded + first) / floor_open, one * 1000, step * 1000, step / floor_step);
        session_free(s);
    }
    printf("floor: the first row; goal: the same figures at every length (1.0x)\n");
    char rm[64];
    snprintf(rm, sizeof rm, "rm -rf %s", tmp);
    return system(rm) == 0 ? rc : 1;
}
