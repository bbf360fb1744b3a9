/* fields.c: reading the fields of a story's declarations (story, scene, ending, choice): every
 * value that crosses from Lua to C is type-checked, refused when it holds a NUL byte, capped
 * by its kind (core/text.h) and counted towards the story's total of texts; errors carry the
 * declaration's file:line. Used by loader.c while the story's files run. */
#include "lua/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* ---- errors at a declaration's position ---- */

int raise_at(lua_State *L, Pos pos, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (pos.from_line > 0)
        buf_printf(&b, " (called from %s:%d)", pos.from_file, pos.from_line);
    lua_pushfstring(L, "%s:%d: %s", pos.file ? pos.file : "?", pos.line, buf_str(&b));
    buf_free(&b);
    return lua_error(L);
}

/* The story's copy of a chunk's file name ("@path"), or fallback. */
static const char *story_file(const Script *sc, const char *source, const char *fallback)
{
    if (sc->story && source[0] == '@')
        for (size_t i = 0; i < sc->story->n_files; i++)
            if (strcmp(sc->story->files[i], source + 1) == 0)
                return sc->story->files[i];
    return fallback;
}

/* Where the declaration being run was written: the innermost Lua function calling it (the
 * declarations are C functions called through guarded, another C function); when that is a
 * helper function, not a file's main chunk, also the line of the file that called it. */
Pos caller_pos(lua_State *L)
{
    Script *sc = script_of(L);
    Pos pos = {.file = sc->file};
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0)
            continue;
        bool main_chunk = strcmp(ar.what, "main") == 0;
        if (pos.line == 0) {
            pos.line = ar.currentline;
            pos.file = story_file(sc, ar.source, sc->file);
            if (main_chunk)
                break;
        } else if (main_chunk) {
            pos.from_file = story_file(sc, ar.source, sc->file);
            pos.from_line = ar.currentline;
            break;
        }
    }
    return pos;
}

const char *syntax_hint(const char *msg)
{
    if (strstr(msg, "'}' expected") && strstr(msg, "near <eof>"))
        return " (a '}' missing: the '{' it names is never closed)";
    if (strstr(msg, "'}' expected"))
        return " (a ',' missing between two items, such as two choices, just before this?)";
    if (strstr(msg, "'end' expected"))
        return " (a function, if, for or while without its 'end'?)";
    if (strstr(msg, "<eof> expected near 'end'"))
        return " (one 'end' too many?)";
    if (strstr(msg, "unexpected symbol near ','") || strstr(msg, "unexpected symbol near '}'"))
        return " (a function or if above without its 'end'?)";
    return "";
}

bool is_lua_name(const char *s)
{
    if (!s || !(isalpha((unsigned char)*s) || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_'))
            return false;
    return true;
}

/* ---- field readers: the value to read is on top of the stack ---- */

/* The longest a field may be, in bytes (see core/text.h): a scene's or ending's text; the
 * texts of a choice, lessons, questions, summaries and stat descriptions; ids, titles, labels and chapter names. */
static size_t field_max(const char *field)
{
    static const char *const medium[] = {"lesson", "discuss", "advice", "summary",
                                         "content_note", "description"};
    if (strcmp(field, "text") == 0)
        return TEXT_MAX_BYTES;
    for (size_t i = 0; i < sizeof medium / sizeof *medium; i++)
        if (strcmp(field, medium[i]) == 0)
            return TEXT_MAX_CHOICE;
    return TEXT_MAX_LABEL;
}

/* The byte size of n for messages: "300 bytes", "12 KiB". */
static const char *size_words(size_t n, char *buf, size_t cap)
{
    if (n < 10240)
        snprintf(buf, cap, "%zu bytes", n);
    else
        snprintf(buf, cap, "%zu KiB", n >> 10);
    return buf;
}

/* The string on top of the stack, which must hold no NUL byte (C would cut it there) and be
 * at most max bytes long; it counts towards the story's total of texts. */
const char *string_value(lua_State *L, Pos pos, const char *what, const char *field,
                                size_t max)
{
    Script *sc = script_of(L);
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    char a[32], b[32];
    if (strlen(s) != len)
        raise_at(L, pos, "%s: '%s' holds a NUL byte", what, field);
    if (len > max)
        raise_at(L, pos, "%s: '%s' is %s long (it may be at most %s)", what, field,
                 size_words(len, a, sizeof a), size_words(max, b, sizeof b));
    sc->text_total += len;
    if (sc->text_total > STORY_MAX_TEXT_TOTAL)
        raise_at(L, pos, "the story's texts total more than %u MiB (each listing of a text counts)",
                 STORY_MAX_TEXT_TOTAL >> 20);
    return s;
}

char *get_string(lua_State *L, Pos pos, const char *what, const char *field)
{
    if (lua_type(L, -1) != LUA_TSTRING)
        raise_at(L, pos, "%s: '%s' must be a string, not %s", what, field, luaL_typename(L, -1));
    return xstrdup(string_value(L, pos, what, field, field_max(field)));
}

/* A table key that is a string with no NUL byte (a name), or NULL. */
const char *key_name(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TSTRING)
        return NULL;
    size_t len;
    const char *k = lua_tolstring(L, idx, &len);
    return strlen(k) == len && len <= TEXT_MAX_LABEL ? k : NULL;
}

/* Check that the value on top is a string (for fields read earlier). */
void get_string_check(lua_State *L, Pos pos, const char *what, const char *field)
{
    if (lua_type(L, -1) != LUA_TSTRING)
        raise_at(L, pos, "%s: '%s' must be a string, not %s", what, field, luaL_typename(L, -1));
}

HostFn get_function(lua_State *L, Pos pos, const char *what, const char *field)
{
    if (lua_type(L, -1) != LUA_TFUNCTION)
        raise_at(L, pos, "%s: '%s' must be a function, not %s", what, field,
                 luaL_typename(L, -1));
    lua_pushvalue(L, -1);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

int get_int(lua_State *L, Pos pos, const char *what, const char *field)
{
    int isnum = 0;
    lua_Integer v = lua_tointegerx(L, -1, &isnum);
    if (!isnum || v < -1000000000 || v > 1000000000)
        raise_at(L, pos, "%s: '%s' must be an integer", what, field);
    return (int)v;
}

void get_text(lua_State *L, Text *t, Pos pos, const char *what, const char *field,
                     size_t max)
{
    if (t->str || t->fn)
        raise_at(L, pos, "%s: the text is given twice (as the first item and as text =)", what);
    if (lua_type(L, -1) == LUA_TFUNCTION)
        t->fn = get_function(L, pos, what, field);
    else if (lua_type(L, -1) == LUA_TSTRING)
        t->str = xstrdup(string_value(L, pos, what, field, max));
    else
        raise_at(L, pos, "%s: '%s' must be a string or a function, not %s", what, field,
                 luaL_typename(L, -1));
}

static int cmp_effect(const void *a, const void *b)
{
    return strcmp(((const Effect *)a)->stat, ((const Effect *)b)->stat);
}

static int cmp_set(const void *a, const void *b)
{
    return strcmp(((const FlagSet *)a)->flag, ((const FlagSet *)b)->flag);
}

void get_effects(lua_State *L, Effects *e, Pos pos, const char *what)
{
    if (lua_type(L, -1) == LUA_TFUNCTION) {
        e->fn = get_function(L, pos, what, "effects");
        return;
    }
    if (!lua_istable(L, -1))
        raise_at(L, pos, "%s: 'effects' must be a table { stat = change } or a function", what);
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *k = key_name(L, -2);
        if (!k)
            raise_at(L, pos, "%s: effects keys must be stat names", what);
        script_charge(L, DECL_KEY_COST); /* the checks after loading look each key up */
        Effect one = {.index = -1, .kind = EFFECT_ADD};
        if (lua_type(L, -1) == LUA_TSTRING) {
            if (!story_effect_parse(lua_tostring(L, -1), &one))
                raise_at(L, pos, "%s: effect on '%s' must be an integer change, \"=N\" (set), "
                                 "or \"+P%%\" / \"-P%%\" (P%% of the way to max / min, P in "
                                 "0..100); got \"%.40s\"", what, k, lua_tostring(L, -1));
        } else {
            int isnum = 0;
            lua_Integer d = lua_tointegerx(L, -1, &isnum);
            if (!isnum || d < -1000000 || d > 1000000)
                raise_at(L, pos, "%s: effect on '%s' must be an integer change, \"=N\" or "
                                 "\"+P%%\" / \"-P%%\"", what, k);
            one.delta = (int)d;
        }
        util_grow(&e->v, &cap, e->n + 1, sizeof *e->v);
        one.stat = xstrdup(k);
        e->v[e->n] = one;
        e->n++;
        lua_pop(L, 1);
    }
    if (e->n > 1)
        qsort(e->v, e->n, sizeof *e->v, cmp_effect);
}

void get_sets(lua_State *L, Sets *s, Pos pos, const char *what)
{
    if (lua_type(L, -1) == LUA_TFUNCTION) {
        s->fn = get_function(L, pos, what, "set");
        return;
    }
    if (!lua_istable(L, -1))
        raise_at(L, pos, "%s: 'set' must be a table { flag = value } or a function", what);
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *k = key_name(L, -2);
        if (!k || !is_lua_name(k))
            raise_at(L, pos, "%s: set keys must be flag names (letters, digits, _)", what);
        script_charge(L, DECL_KEY_COST * 4); /* looked up among up to STORY_MAX_FLAGS */
        Value v;
        if (!script_to_value(L, -1, &v))
            raise_at(L, pos, "%s: flag '%s' must be a boolean, integer or string", what, k);
        util_grow(&s->v, &cap, s->n + 1, sizeof *s->v);
        s->v[s->n].flag = xstrdup(k);
        s->v[s->n].index = -1;
        s->v[s->n].value = v;
        s->n++;
        lua_pop(L, 1);
    }
    if (s->n > 1)
        qsort(s->v, s->n, sizeof *s->v, cmp_set);
}

