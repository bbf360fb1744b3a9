/* fontfiles.c: where the window's fonts are: the bundled Charis SIL ($LADDER_FONTS, beside the
 * scenarios, the install prefix, the source tree), else a serif from Debian's font packages.
 * (Fonts for characters these lack are fontconfig's: fallback.c.) */
#include <stdlib.h>
#include <unistd.h>

#include "core/paths.h"
#include "ui/sdl/draw.h"

static const char *const FONT_FILES[STYLE_COUNT] = {"CharisSIL-Regular.ttf", "CharisSIL-Bold.ttf",
                                                    "CharisSIL-Italic.ttf"};
/* Fallbacks from common Debian font packages, when the bundled fonts are missing. */
static const char *const SYSTEM_FONTS[STYLE_COUNT][3] = {
    {"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"},
};

static bool readable(const char *p)
{
    return access(p, R_OK) == 0;
}

/* The bundled fonts: $LADDER_FONTS, beside the scenarios folder in use (assets/ sits next to
 * scenarios/ both in the source tree and once installed), the install prefix, the source tree. */
static char *fonts_dir(void)
{
    const char *env = getenv("LADDER_FONTS");
    if (env && *env)
        return xstrdup(env);
    char *scen = paths_scenarios_dir();
    char *cands[3] = {xasprintf("%s/../assets/fonts", scen),
                      xstrdup(LADDER_INSTALL_DATADIR "/assets/fonts"),
                      xstrdup(LADDER_SOURCE_SCENARIOS "/../assets/fonts")};
    free(scen);
    int pick = 0;
    for (int i = 0; i < 3; i++) {
        char *probe = xasprintf("%s/%s", cands[i], FONT_FILES[0]);
        bool ok = readable(probe);
        free(probe);
        if (ok) {
            pick = i;
            break;
        }
    }
    for (int i = 0; i < 3; i++)
        if (i != pick)
            free(cands[i]);
    return cands[pick];
}

int draw_find_fonts(char *paths[STYLE_COUNT], Err *err)
{
    char *dir = fonts_dir();
    for (int s = 0; s < STYLE_COUNT; s++) {
        paths[s] = xasprintf("%s/%s", dir, FONT_FILES[s]);
        if (readable(paths[s]))
            continue;
        free(paths[s]);
        paths[s] = NULL;
        for (int k = 0; k < 3 && !paths[s]; k++)
            if (readable(SYSTEM_FONTS[s][k]))
                paths[s] = xstrdup(SYSTEM_FONTS[s][k]);
        if (!paths[s] && s > 0 && paths[0])
            paths[s] = xstrdup(paths[0]); /* no bold or italic: use regular */
        if (!paths[s]) {
            err_set(err,
                    "no font found: looked for %s/%s and the DejaVu and Liberation serif fonts "
                    "(set LADDER_FONTS to a folder with the Charis SIL fonts)",
                    dir, FONT_FILES[s]);
            for (int k = 0; k < s; k++)
                free(paths[k]);
            free(dir);
            return -1;
        }
    }
    free(dir);
    return 0;
}
