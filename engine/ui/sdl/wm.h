/* wm.h: whether a window manager places the window (wm.c). */
#ifndef LADDER_SDL_WM_H
#define LADDER_SDL_WM_H

#include <SDL.h>
#include <stdbool.h>

/* False when win is on X11 with no window manager running (no EWMH _NET_SUPPORTING_WM_CHECK
 * on the root window); true otherwise, and when it cannot be told (libX11 not found). */
bool wm_runs(SDL_Window *win);

#endif
