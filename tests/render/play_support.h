/* play_support.h: what the window's play tests share (tests/render/test_play_render.c and
 * test_look_render.c): a fresh window of a given size, keys and clicks pushed between frames
 * (sdl_test.h's frame hook), sessions on the bundled stories, and the main that sets up a
 * private data folder and SDL's dummy driver. */
#ifndef LADDER_PLAY_SUPPORT_H
#define LADDER_PLAY_SUPPORT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"
#include "ui/sdl/sdl_test.h"
#include "ui/ui.h"

struct CMUnitTest;

extern char play_tmpdir[64]; /* the test's data and config folder */
extern UiConfig play_cfg;    /* the window keeps the pointer until its next call */

/* A key, with Ctrl held when k has CTRL_KEY added (no SDL keycode has this bit:
 * SDLK_SCANCODE_MASK is 1 << 30) */
#define CTRL_KEY 0x20000000

/* A key script: keys[i] is pressed after frame i + 1 (0: none that frame); check, when given,
 * runs on every frame. */
typedef struct Script {
    const SDL_Keycode *keys;
    size_t n;
    void (*check)(int frame, void *ud);
    void *ud;
} Script;

/* The next window's size and text size, with extra JSON fields for settings.json (may be
 * NULL): a new window (ui_sdl.shutdown first). */
void play_set_window(int w, int h, int text_size, const char *extra);
/* Push a key press (CTRL_KEY added: with Ctrl), a mouse event, a click (down and up). */
void play_push_key(SDL_Keycode k);
void play_push_mouse(Uint32 type, int x, int y);
void play_click(int x, int y);
/* The frame hook that runs a Script (ud). */
void play_script_frame(int frame, void *ud);
/* Play s in the window through the key script, two frames past its last key. */
int play_script(Session *s, Script *sc);
/* A session on bundled story id, seed 7, player Morgan (autosaving into the test's data folder
 * unless autosave is false). Fails the test when it does not open. */
Session *play_open_story(const char *id, bool autosave);
/* play_open_story("demo", autosave) played to an ending in five decisions: the road the
 * window's ending tests share. Fails the test on an error. */
Session *play_demo_at_ending(bool autosave);
/* A session on a story written for the test: source (Lua) is written to
 * play_tmpdir/name/story.lua and loaded; seed as given, no autosave. Fails the test when the
 * story does not load or the session does not open. */
Session *play_open_source(const char *name, const char *source, uint64_t seed);
/* Decisions taken in s. */
size_t play_decisions(const Session *s);
/* The top of the last block of text that starts at the column's left edge, or -1. */
int play_last_column_text(const UiSdlFrame *f);
/* Run the tests with a private data and config folder and SDL's dummy driver; returns
 * cmocka's status. */
int play_main(const struct CMUnitTest *tests, size_t n, const char *name);

#endif
