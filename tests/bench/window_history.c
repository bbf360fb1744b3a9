/* window_history.c: what a long history costs the window (issue 16, item 14). For 10, 1,000 and
 * 10,000 decisions behind (the endless fixture, SDL's dummy driver and software renderer), it
 * prints the time from opening the game to its first frame and the time a decision takes with
 * its next frame. Run: build/tests/bench_window_history [SOURCE_DIR]. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/game.h"
#include "core/session.h"
#include "lua/lua_host.h"
#include "ui/sdl/sdl_test.h"
#include "ui/ui.h"

#define DECISIONS 5 /* timed decisions after the first frame */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double opened, first, last;

/* Frame 1 is the first; after frames 1..DECISIONS a key takes the first choice. */
static void frame(int n, void *ud)
{
    (void)ud;
    last = now();
    if (n == 1)
        first = last - opened;
    if (n <= DECISIONS) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = SDLK_1;
        SDL_PushEvent(&e);
    }
}

int main(int argc, char **argv)
{
    const char *src = argc > 1 ? argv[1] : ".";
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/fixtures/good/endless", src);
    char tmp[] = "/tmp/ladder-bench-XXXXXX";
    if (!mkdtemp(tmp))
        return 1;
    setenv("XDG_DATA_HOME", tmp, 1);
    setenv("XDG_CONFIG_HOME", tmp, 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    host_install(lua_host());
    const int behind[] = {10, 1000, 10000};
    printf("decisions behind   first frame   a decision and its frame\n");
    for (size_t k = 0; k < sizeof behind / sizeof *behind; k++) {
        Err err;
        Story *st = story_load(path, &err);
        if (!st) {
            fprintf(stderr, "%s: %s\n", path, err.msg);
            return 1;
        }
        SessionOptions so = {.seed = 1, .seed_given = true, .no_autosave = true};
        Session *s = session_open(st, &so, &err);
        if (!s) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        for (int i = 0; i < behind[k]; i++)
            session_choose(s, (size_t)(i % 2), 1.0, &err);
        UiConfig cfg = {.window = {.frames = DECISIONS + 1}};
        ui_sdl_on_frame(frame, NULL);
        opened = now();
        ui_sdl.play(s, &cfg);
        ui_sdl_on_frame(NULL, NULL);
        ui_sdl.shutdown();
        printf("%16d   %8.1f ms   %8.1f ms\n", behind[k], first * 1000,
               (last - opened - first) * 1000 / DECISIONS);
        session_free(s);
    }
    char rm[64];
    snprintf(rm, sizeof rm, "rm -rf %s", tmp);
    return system(rm) == 0 ? 0 : 1;
}
