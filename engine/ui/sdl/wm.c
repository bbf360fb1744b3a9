/* wm.c: whether a window manager runs, for fullscreen without one (app_set_fullscreen in
 * window.c). Read from the root window's _NET_SUPPORTING_WM_CHECK (EWMH), through the libX11
 * that SDL itself loaded (dlopen: Ladder does not link X11). Kept apart from app.h: Xlib's
 * headers define a Screen of their own. */
#include <SDL_syswm.h>
#include <dlfcn.h>
#include <string.h>

#include "ui/sdl/wm.h"

#if defined(SDL_VIDEO_DRIVER_X11)
typedef unsigned long (*InternAtomFn)(Display *, const char *, int);
typedef int (*GetPropertyFn)(Display *, Window, unsigned long, long, long, int, unsigned long,
                             unsigned long *, int *, unsigned long *, unsigned long *,
                             unsigned char **);
typedef int (*FreeFn)(void *);
typedef Window (*RootFn)(Display *);
#endif

bool wm_runs(SDL_Window *win)
{
    const char *drv = SDL_GetCurrentVideoDriver();
    if (!drv || strcmp(drv, "x11") != 0)
        return true; /* Wayland, Windows, macOS: the system places windows */
#if defined(SDL_VIDEO_DRIVER_X11)
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_X11)
        return true;
    void *x11 = dlopen("libX11.so.6", RTLD_LAZY | RTLD_NOLOAD);
    if (!x11)
        x11 = dlopen("libX11.so.6", RTLD_LAZY);
    if (!x11)
        return true;
    InternAtomFn intern = (InternAtomFn)dlsym(x11, "XInternAtom");
    GetPropertyFn get = (GetPropertyFn)dlsym(x11, "XGetWindowProperty");
    FreeFn xfree = (FreeFn)dlsym(x11, "XFree");
    RootFn root = (RootFn)dlsym(x11, "XDefaultRootWindow");
    bool runs = true;
    if (intern && get && xfree && root) {
        Display *dpy = info.info.x11.display;
        unsigned long check = intern(dpy, "_NET_SUPPORTING_WM_CHECK", 1);
        unsigned long type = 0, n = 0, after = 0;
        int format = 0;
        unsigned char *prop = NULL;
        runs = check != 0 &&
               get(dpy, root(dpy), check, 0, 1, 0, 33 /* XA_WINDOW */, &type, &format, &n, &after,
                   &prop) == 0 &&
               n > 0;
        if (prop)
            xfree(prop);
    }
    dlclose(x11);
    return runs;
#else
    (void)win;
    return true;
#endif
}
