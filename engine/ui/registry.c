/* registry.c: the list of front ends, and choosing one. */
#include "ui/registry.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ui/leave.h"

/* The one list. The terminal is the fallback of ui_default. */
static const Frontend *const frontends[] = {&ui_sdl, &ui_term, &ui_json};
enum { N_FRONTENDS = sizeof frontends / sizeof frontends[0] };

size_t ui_count(void)
{
    return N_FRONTENDS;
}

const Frontend *ui_at(size_t i)
{
    return i < N_FRONTENDS ? frontends[i] : NULL;
}

const Frontend *ui_find(const char *name, unsigned caps)
{
    for (size_t i = 0; i < N_FRONTENDS; i++)
        if (strcmp(frontends[i]->name, name) == 0 && (frontends[i]->caps & caps) == caps)
            return frontends[i];
    return NULL;
}

const Frontend *ui_first(unsigned caps)
{
    for (size_t i = 0; i < N_FRONTENDS; i++)
        if ((frontends[i]->caps & caps) == caps)
            return frontends[i];
    return NULL;
}

bool ui_available(const Frontend *fe, Err *err)
{
    return !fe->available || fe->available(err);
}

const Frontend *ui_default(unsigned caps, Err *why)
{
    why->msg[0] = '\0';
    if (!isatty(STDIN_FILENO))
        return &ui_term;
    for (size_t i = 0; i < N_FRONTENDS; i++) {
        const Frontend *fe = frontends[i];
        if ((fe->caps & (caps | UI_CAP_WINDOW)) == (caps | UI_CAP_WINDOW) && ui_available(fe, why))
            return fe;
    }
    return &ui_term;
}

void ui_names(Buf *out, unsigned caps)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i < N_FRONTENDS; i++)
        n += (frontends[i]->caps & caps) == caps;
    for (size_t i = 0; i < N_FRONTENDS; i++) {
        if ((frontends[i]->caps & caps) != caps)
            continue;
        k++;
        buf_printf(out, "%s%s", frontends[i]->name, k == n ? "" : k + 1 == n ? " or " : ", ");
    }
}

void ui_install_leave(const Frontend *fe, const UiConfig *cfg)
{
    if (fe->caps & UI_CAP_WINDOW)
        leave_install_window();
    else
        leave_install(fileno(cfg->in));
}

int ui_exit_status(UiExit e)
{
    return e == UI_EXIT_SCRIPT_FAILED ? 1 : 0;
}
