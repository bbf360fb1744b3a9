/* sdl_test.h: what the window's last frame laid out, for the rendering tests (tests/render):
 * hooks into the window front end that no other front end or tool needs. */
#ifndef LADDER_SDL_TEST_H
#define LADDER_SDL_TEST_H

/* The last frame's layout, in drawable pixels. Valid until the next frame or shutdown. */
typedef struct UiSdlFrame {
    int w, h;
    int column_x, column_y, column_w, column_h; /* the story column (0 on the title screen) */
    const void *buttons;  /* internal; use ui_sdl_frame_button */
    int n_buttons;
    const void *texts;    /* internal; use ui_sdl_frame_text */
    int n_texts;
} UiSdlFrame;
/* Fill f from the window's last frame (all zero when no window is open). */
void ui_sdl_frame(UiSdlFrame *f);
/* Rectangle of button i (< n_buttons) / text block i (< n_texts) of the last frame, as x, y, w,
 * h in drawable pixels. */
void ui_sdl_frame_button(const UiSdlFrame *f, int i, int r[4]);
void ui_sdl_frame_text(const UiSdlFrame *f, int i, int r[4]);

#endif
