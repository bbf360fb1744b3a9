/* fuzz_save.c: libFuzzer target for the reader of saves and workshop results files
 * (core/save.h save_parse), on arbitrary bytes. A file that parses is also replayed against a
 * small story (tests/fixtures/good/office): its scene and choice ids, seeds and player names
 * come from the input, and the engine must take them without crashing. The replayed game is
 * then written as a save and as a results file, and both must read back with the same
 * decisions: whatever Ladder writes, it can read.
 *
 * Built with -DLADDER_FUZZ=ON (clang, libFuzzer, ASan, UBSan; see run.sh); replay.c runs the
 * corpus through the same function in every build (CTest fuzz_corpus_save). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/save.h"
#include "core/story.h"
#include "lua/lua_host.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Story *story;

static void free_story(void)
{
    story_free(story);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    (void)argc;
    (void)argv;
    Err err;
    story = story_load(LADDER_FUZZ_STORY, &err);
    if (!story) {
        fprintf(stderr, "fuzz_save: %s\n", err.msg);
        abort();
    }
    atexit(free_story);
    return 0;
}

/* g written as a save (or a results file) must read back with the same decisions. */
static void round_trip(const Game *g, bool results)
{
    SaveSource src = {.root = story, .seed = game_seed(g), .games = &g, .n_games = 1,
                      .results = results, .session = "FUZZ", .anonymous = results};
    Err err;
    char *text = save_text(&src, &err);
    if (!text)
        return; /* refused by the writer's limits, with a message */
    SaveData back;
    if (save_parse(text, strlen(text), &back, &err) != 0 ||
        back.n_steps != game_decision_count(g)) {
        fprintf(stderr, "fuzz_save: Ladder cannot read what it wrote: %s\n", err.msg);
        abort();
    }
    save_data_free(&back);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* exactly the input's bytes, without a terminator, so a read past the end is caught */
    char *bytes = malloc(size ? size : 1);
    if (size)
        memcpy(bytes, data, size);
    SaveData d;
    Err err;
    err.msg[0] = '\0';
    int rc = save_parse(bytes, size, &d, &err);
    free(bytes);
    if (rc == 0) {
        size_t applied = 0;
        Game *g = game_replay(story, d.seed, d.player, d.steps, d.n_steps, &applied, &err);
        if (g && applied > d.n_steps)
            abort();
        if (g)
            round_trip(g, size % 2 == 1);
        game_free(g);
        for (size_t i = 0; i < d.n_chapters; i++) {
            g = game_replay(story, d.chapters[i].seed, d.player, d.chapters[i].steps,
                            d.chapters[i].n_steps, &applied, &err);
            game_free(g);
        }
        save_data_free(&d);
    } else if (!err.msg[0]) {
        fprintf(stderr, "fuzz_save: a refused input without a message\n");
        abort(); /* every refusal says what is wrong */
    }
    return 0;
}
