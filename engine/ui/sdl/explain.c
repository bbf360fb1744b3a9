/* explain.c: the texts of two panels the player opens from the menu or by key (overlays.c
 * draws them, scrolling when they do not fit): "Stats explained" (S), each stat the game shows
 * with its value, which way is good and the story's description of it; and "Endings" (E), the
 * endings gallery of the story, found endings by title and verdict, the others "Not found
 * yet" (issue 16: "a stats screen explaining each stat, the endings gallery"). */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ui/sdl/app.h"

/* Which way is good, in the words of the stat panel ("lower is better"). */
static const char *good_words(StatGood g)
{
    switch (g) {
    case GOOD_LOW: return "lower is better";
    case GOOD_NEUTRAL: return "neither way is better";
    case GOOD_HIGH: break;
    }
    return "higher is better";
}

/* Whether text holds words (ASCII letters in either case). */
static bool says(const char *text, const char *words)
{
    size_t n = strlen(words);
    for (; *text; text++) {
        size_t i = 0;
        while (i < n && text[i] && tolower((unsigned char)text[i]) == words[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

char *app_stats_text(const App *a)
{
    const Screen *sc = a->screen;
    Buf b = {0};
    size_t shown = 0;
    for (size_t i = 0; i < sc->n_stats; i++) {
        const ScreenStat *st = &sc->stats[i];
        if (st->hidden)
            continue;
        if (shown++)
            buf_puts(&b, "\n\n");
        /* which way is good, unless the story's description says it in the same words (the
         * review, item 11: "lower is better" twice for Burnout) */
        const char *way = good_words(st->good);
        if (st->description && says(st->description, way))
            way = NULL;
        if (a->set.show_numbers)
            buf_printf(&b, "**%s** \u2014 %d (from %d to %d)", st->label, st->value, st->min,
                       st->max);
        else
            buf_printf(&b, "**%s**", st->label);
        if (way)
            buf_printf(&b, a->set.show_numbers ? ", *%s*" : " \u2014 *%s*", way);
        if (st->description)
            buf_printf(&b, "\n%s", st->description);
    }
    if (!shown)
        buf_puts(&b, "This story shows no stats.");
    char *text = xstrdup(buf_str(&b));
    buf_free(&b);
    return text;
}

char *app_endings_text(const App *a)
{
    const Screen *sc = a->screen;
    Buf b = {0};
    if (sc->endings_total)
        buf_printf(&b, "*%zu of %zu endings found.*", sc->endings_found, sc->endings_total);
    else /* no gallery could be read: nothing is recorded */
        buf_puts(&b, "*The endings you reach are not being recorded on this computer.*");
    for (size_t i = 0; i < sc->n_gallery; i++) {
        const ScreenGalleryEnding *e = &sc->gallery[i];
        buf_printf(&b, "\n\n**%zu.** ", i + 1);
        if (!e->found) {
            buf_puts(&b, "*Not found yet*");
            continue;
        }
        buf_printf(&b, "**%s** \u2014 %s", e->title, e->verdict_text);
        if (sc->ending && strcmp(sc->ending->id, e->id) == 0)
            buf_puts(&b, " *(this game)*");
    }
    char *text = xstrdup(buf_str(&b));
    buf_free(&b);
    return text;
}
