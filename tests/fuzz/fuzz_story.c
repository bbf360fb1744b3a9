/* fuzz_story.c: libFuzzer target for loading a scenario from arbitrary bytes (core/story.h
 * story_load on a file in a temporary folder), under the engine's sandbox and limits. A story
 * that loads is also played for up to 16 decisions, the input choosing which choice to take,
 * so that its callbacks run too. Loading must never crash, leak or hang past the budgets, and
 * a refusal always comes with a message.
 *
 * Built with -DLADDER_FUZZ=ON (clang, libFuzzer, ASan, UBSan; see run.sh); replay.c runs the
 * corpus through the same function in every build (CTest fuzz_corpus_story). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/game.h"
#include "core/story.h"
#include "lua/lua_host.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[512];
static char path[600];

static void remove_dir(void)
{
    unlink(path);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    (void)argc;
    (void)argv;
    /* under $TMPDIR when set (run.sh points it at its scratch folder, removed afterwards even
     * when libFuzzer exits without running atexit handlers) */
    const char *tmp = getenv("TMPDIR");
    if ((size_t)snprintf(dir, sizeof dir, "%s/ladder-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp") >=
        sizeof dir) {
        fprintf(stderr, "fuzz_story: TMPDIR is too long\n");
        abort();
    }
    if (!mkdtemp(dir)) {
        perror("fuzz_story: mkdtemp");
        abort();
    }
    snprintf(path, sizeof path, "%s/story.lua", dir);
    atexit(remove_dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror("fuzz_story: writing the story");
        abort();
    }
    Err err;
    err.msg[0] = '\0';
    Story *s = story_load(path, &err);
    if (!s) {
        if (!err.msg[0]) {
            fprintf(stderr, "fuzz_story: a refused story without a message\n");
            abort();
        }
        return 0;
    }
    Game *g = game_new(s, size, "Fuzz", &err);
    for (size_t i = 0; g && i < 16 && !game_ended(g) && game_choice_count(g) > 0; i++) {
        size_t pick = size ? data[i % size] % game_choice_count(g) : 0;
        if (game_choose(g, pick, 1.0, &err) != 0) {
            /* a script error: the game is rewound, as the session does */
            Game *back = game_rewind(g, game_decision_count(g), &err);
            game_free(g);
            g = back;
            break;
        }
        (void)game_text(g);
    }
    game_free(g);
    story_free(s);
    return 0;
}
