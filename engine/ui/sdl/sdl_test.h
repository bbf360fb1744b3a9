/* sdl_test.h: what the window's last frame laid out, for the rendering tests (tests/render):
 * hooks into the window front end that no other front end or tool needs. */
#ifndef LADDER_SDL_TEST_H
#define LADDER_SDL_TEST_H

#include <SDL.h>
#include <stddef.h>

/* The last frame's layout, in drawable pixels. Valid until the next frame or shutdown. */
typedef struct UiSdlFrame {
    int w, h;
    int column_x, column_y, column_w, column_h; /* the story column (0 on the title screen) */
    const void *buttons;  /* internal; use ui_sdl_frame_button */
    int n_buttons;
    const void *texts;    /* internal; use ui_sdl_frame_text */
    int n_texts;
    const void *splits;   /* internal; use ui_sdl_frame_split */
    int n_splits;         /* text blocks that had to cut a word inside (wider than a line) */
    int focus;            /* the button with the keyboard's focus, or -1 */
    int list_x, list_y, list_w, list_h; /* an open list overlay's visible list (0 when none) */
    int clock_x, clock_y, clock_w, clock_h; /* the room's countdown (0 when none is shown) */
    int digits_x, digits_y, digits_w, digits_h; /* the line of its digits */
    const char *clock_label; /* its caption: "Press T to start", "Discussion", "Time is up" */
    int toast_x, toast_y, toast_w, toast_h; /* a message shown on top ("Saved to slot 1.") */
    int cue[4];   /* the "choices below" button: x, y, w, h (all 0 when not shown) */
    int thumb[4]; /* the story pane's scroll bar thumb (all 0 without a scroll bar) */
    int panel[4]; /* the side panel's stats when they scroll (all 0 when they fit) */
    int overlay;  /* an overlay is open (its buttons are the only ones listed) */
    const char *overlay_text; /* the text of an open text panel (the keys, the stats explained,
                                 the endings), with its markup; NULL for other overlays */
    int top_block; /* the story column's block (an earlier scene, the current one, its choices)
                      at the top of the view, counted from 0; -1 outside a game */
} UiSdlFrame;
/* Fill f from the window's last frame (all zero when no window is open). */
void ui_sdl_frame(UiSdlFrame *f);
/* Rectangle of button i (< n_buttons) / text block i (< n_texts) of the last frame, as x, y, w,
 * h in drawable pixels. */
void ui_sdl_frame_button(const UiSdlFrame *f, int i, int r[4]);
void ui_sdl_frame_text(const UiSdlFrame *f, int i, int r[4]);
/* The scene before decision i of the open game's history (the game's text, Decision.scene_text;
 * NULL past its end or with no game open). Borrowed until the game moves. */
const char *ui_sdl_history_text(size_t i);
/* Where the last frame put the top of that scene (drawable px, past the window's edges when out
 * of view; the height of a scene never laid out is an estimate), or SDL_MIN_SINT32 when none. */
int ui_sdl_history_y(size_t i);
/* Rectangle of text block i (< n_splits) that cut a word inside. */
void ui_sdl_frame_split(const UiSdlFrame *f, int i, int r[4]);

/* Call hook(frame, ud) after each frame is laid out and drawn, before it is shown (frame counts
 * from 1); NULL removes it. With --frames (UiConfig.window.frames) the window takes the events
 * queued meanwhile (SDL_PushEvent: keys, the timer's ticks) before the next frame, so a test can
 * read a frame, press a key and read the next. */
void ui_sdl_on_frame(void (*hook)(int frame, void *ud), void *ud);
/* The frame being drawn, as a new RGB24 surface (the caller frees it), or NULL; only from the
 * hook (after the frame is shown its pixels are gone). */
SDL_Surface *ui_sdl_frame_pixels(void);

#endif
