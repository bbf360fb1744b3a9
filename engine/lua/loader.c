/* loader.c: the scenario API (story, scene, choice, ending) and loader_load, which runs a
 * story's files in the sandbox and checks what they declared (the Lua host's HostOps.load). */
#include "lua/internal.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/story_build.h"
#include "core/story_check.h"
#include "core/text.h"
#include "lua/workarounds.h"


#define MAX_SCRIPT_BYTES (8u << 20)

/* ---- choice { } ---- */

static const char CHOICE_MT = 'c'; /* its address is the registry key of the choice metatable */

/* A choice { } value: a userdata, so a script cannot reshape it, holding a copy of the
 * declaration table (user value 1) and the line it was written at (user value 2). Its
 * metatable is the engine's and cannot be read or changed (__metatable). */
static int choice_locked(lua_State *L)
{
    return luaL_error(L, "a choice { } cannot be read or changed once declared; put it in a "
                         "scene's list");
}

/* The calls that declare a story work only while its files run: afterwards the engine holds
 * pointers into what they built. */
static void need_loading(lua_State *L, const char *what)
{
    if (!script_of(L)->loading)
        luaL_error(L, "%s can only be used while the story's files load, not from a function "
                      "called during play",
                   what);
}

/* choice { ... } copies its table (so later changes to it do not matter) and remembers the
 * position it was written at; the scene reads it. */
static int l_choice(lua_State *L)
{
    need_loading(L, "choice { }");
    luaL_checktype(L, 1, LUA_TTABLE);
    Pos pos = caller_pos(L);
    *(Pos *)lua_newuserdatauv(L, sizeof pos, 2) = pos; /* where, and where a helper was called */
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_setiuservalue(L, -2, 1);
    lua_pushinteger(L, pos.line);
    lua_setiuservalue(L, -2, 2);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &CHOICE_MT);
    lua_setmetatable(L, -2);
    return 1;
}

/* A slug of the first words of text: "Resign now: the offer..." -> "resign-now-the-offer". */
static char *slug(const char *text)
{
    Buf b = {0};
    int words = 0;
    bool gap = false;
    for (const char *p = text; *p && words < 4; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c)) {
            if (gap && b.len) {
                if (++words >= 4 || b.len >= 28)
                    break;
                buf_putc(&b, '-');
            }
            buf_putc(&b, (char)tolower(c));
            gap = false;
        } else if (c != '\'' && c < 0x80) {
            gap = true;
        }
    }
    if (!b.len)
        buf_puts(&b, "choice");
    return buf_take(&b);
}

static int cmp_requirement(const void *a, const void *b)
{
    return strcmp(((const Requirement *)a)->stat, ((const Requirement *)b)->stat);
}

/* requires = { stat = N, ... } on top of the stack: the choice is available when every named
 * stat is at least N. Names are resolved after loading (core/story_check.c). */
static void parse_requires(lua_State *L, Choice *c, const char *what)
{
    if (!lua_istable(L, -1))
        raise_at(L, c->pos, "%s: 'requires' must be a table { stat = minimum }, not %s", what,
                 luaL_typename(L, -1));
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *k = key_name(L, -2);
        if (!k)
            raise_at(L, c->pos, "%s: requires keys must be stat names", what);
        script_charge(L, DECL_KEY_COST);
        int isnum = 0;
        lua_Integer v = lua_tointegerx(L, -1, &isnum);
        if (!isnum || v < -1000000000 || v > 1000000000)
            raise_at(L, c->pos, "%s: requires %s must be an integer (the least value)", what, k);
        util_grow(&c->requires, &cap, c->n_requires + 1, sizeof *c->requires);
        c->requires[c->n_requires++] = (Requirement){xstrdup(k), -1, (int)v};
        lua_pop(L, 1);
    }
    if (c->n_requires == 0)
        raise_at(L, c->pos, "%s: 'requires' is empty; name at least one stat", what);
    if (c->n_requires > 1)
        qsort(c->requires, c->n_requires, sizeof *c->requires, cmp_requirement);
}

static void parse_choice(lua_State *L, Scene *sc, Choice *c, int item)
{
    Script *s = script_of(L);
    /* stack: the choice userdata (checked by is_choice) */
    lua_getiuservalue(L, -1, 2);
    c->pos.file = s->file;
    c->pos.line = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    const Pos *made = lua_touserdata(L, -1);
    c->pos.file = made->file ? made->file : s->file;
    c->pos.from_file = made->from_file;
    c->pos.from_line = made->from_line;
    lua_getiuservalue(L, -1, 1);
    char what[200];
    snprintf(what, sizeof what, "scene '%s', choice %d", sc->id, item);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TNUMBER && lua_tointeger(L, -2) == 1) {
            get_text(L, &c->text, c->pos, what, "text", TEXT_MAX_CHOICE);
        } else if (!key_name(L, -2)) {
            raise_at(L, c->pos, "%s: unexpected item (the text goes first, then name = value)",
                     what);
        } else {
            const char *k = key_name(L, -2);
            if (strcmp(k, "id") == 0) {
                c->id = get_string(L, c->pos, what, k);
                if (!util_is_identifier(c->id))
                    raise_at(L, c->pos, "%s: id '%s' must be letters, digits, _ or -", what,
                             c->id);
            } else if (strcmp(k, "text") == 0) {
                get_text(L, &c->text, c->pos, what, k, TEXT_MAX_CHOICE);
            } else if (strcmp(k, "when") == 0) {
                c->when = get_function(L, c->pos, what, k);
            } else if (strcmp(k, "effects") == 0) {
                get_effects(L, &c->effects, c->pos, what);
            } else if (strcmp(k, "set") == 0) {
                get_sets(L, &c->set, c->pos, what);
            } else if (strcmp(k, "go") == 0) {
                if (lua_type(L, -1) == LUA_TFUNCTION)
                    c->go_fn = get_function(L, c->pos, what, k);
                else
                    c->go = get_string(L, c->pos, what, k);
            } else if (strcmp(k, "lesson") == 0) {
                c->lesson = get_string(L, c->pos, what, k);
            } else if (strcmp(k, "once") == 0) {
                if (lua_type(L, -1) != LUA_TBOOLEAN)
                    raise_at(L, c->pos, "%s: 'once' must be true or false, not %s", what,
                             luaL_typename(L, -1));
                c->once = lua_toboolean(L, -1);
            } else if (strcmp(k, "reply") == 0) {
                get_text(L, &c->reply, c->pos, what, k, TEXT_MAX_CHOICE);
            } else if (strcmp(k, "requires") == 0) {
                parse_requires(L, c, what);
            } else if (strcmp(k, "show_locked") == 0) {
                get_string_check(L, c->pos, what, k);
                c->show_locked = xstrdup(string_value(L, c->pos, what, k, TEXT_MAX_CHOICE));
            } else if (strcmp(k, "advice") == 0) {
                get_string_check(L, c->pos, what, k);
                const char *a = lua_tostring(L, -1);
                if (strcmp(a, "follows") == 0)
                    c->advice = ADVICE_FOLLOWS;
                else if (strcmp(a, "against") == 0)
                    c->advice = ADVICE_AGAINST;
                else
                    raise_at(L, c->pos, "%s: advice must be \"follows\" or \"against\", not "
                                        "\"%.40s\"",
                             what, a);
            } else {
                raise_at(L, c->pos, "%s: unknown field '%s' (known: id, text, when, effects, set, "
                                    "go, lesson, once, reply, requires, show_locked, advice)",
                         what, k);
            }
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (!c->text.str && !c->text.fn)
        raise_at(L, c->pos, "%s: a choice needs its text, as in choice { \"Do this\", go = ... }",
                 what);
    if (!c->go && !c->go_fn)
        raise_at(L, c->pos, "%s: a choice needs go = \"scene\" (or a function)", what);
    if (c->show_locked && !c->when && !c->n_requires)
        raise_at(L, c->pos, "%s: show_locked is the reason shown when the choice's 'when' is "
                            "false or its 'requires' unmet; give it one of them",
                 what);
    if (!c->id) {
        if (!c->text.str)
            raise_at(L, c->pos, "%s: a choice whose text is a function needs an id", what);
        c->id = slug(c->text.str);
        c->derived_id = true;
    }
    c->go_index = -1;
}

static bool is_choice(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx))
        return false;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &CHOICE_MT);
    bool yes = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return yes;
}

/* ---- scene "id" { } and ending "id" { } ---- */

static void parse_scene(lua_State *L, Scene *sc)
{
    const char *what_kind = sc->ending ? "ending" : "scene";
    char what[200];
    snprintf(what, sizeof what, "%s '%s'", what_kind, sc->id);
    size_t n_items = lua_rawlen(L, 1);
    if (n_items > STORY_MAX_CHOICES)
        raise_at(L, sc->pos, "%s has %zu choices (at most %d)", what, n_items, STORY_MAX_CHOICES);
    /* ids compared pairwise, derived ids renamed on collision: up to n^3 comparisons */
    script_charge(L, DECL_KEY_COST + n_items * n_items * n_items / 16);
    if (sc->ending && n_items > 0)
        raise_at(L, sc->pos, "%s: an ending has no choices", what);
    sc->choices = xcalloc(n_items ? n_items : 1, sizeof *sc->choices);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (lua_type(L, -2) == LUA_TNUMBER) {
            lua_Integer i = lua_tointeger(L, -2);
            if (i < 1 || (size_t)i > n_items || !is_choice(L, -1))
                raise_at(L, sc->pos, "%s: item %d is not a choice { }", what, (int)i);
        } else if (!key_name(L, -2)) {
            raise_at(L, sc->pos, "%s: unexpected key of type %s", what, luaL_typename(L, -2));
        } else {
            const char *k = key_name(L, -2);
            if (strcmp(k, "text") == 0)
                get_text(L, &sc->text, sc->pos, what, k, TEXT_MAX_BYTES);
            else if (strcmp(k, "chapter") == 0)
                sc->chapter = get_string(L, sc->pos, what, k);
            else if (strcmp(k, "effects") == 0)
                get_effects(L, &sc->effects, sc->pos, what);
            else if (strcmp(k, "set") == 0)
                get_sets(L, &sc->set, sc->pos, what);
            else if (strcmp(k, "lesson") == 0)
                sc->lesson = get_string(L, sc->pos, what, k);
            else if (strcmp(k, "discuss") == 0 && !sc->ending)
                sc->discuss = get_string(L, sc->pos, what, k);
            else if (strcmp(k, "advice") == 0 && !sc->ending)
                sc->advice = get_string(L, sc->pos, what, k);
            else if (strcmp(k, "title") == 0 && sc->ending)
                sc->title = get_string(L, sc->pos, what, k);
            else if (strcmp(k, "verdict") == 0 && sc->ending) {
                char *v = get_string(L, sc->pos, what, k);
                bool ok = true;
                if (strcmp(v, "good") == 0)
                    sc->verdict = VERDICT_GOOD;
                else if (strcmp(v, "mixed") == 0)
                    sc->verdict = VERDICT_MIXED;
                else if (strcmp(v, "bad") == 0)
                    sc->verdict = VERDICT_BAD;
                else
                    ok = false;
                free(v);
                if (!ok)
                    raise_at(L, sc->pos, "%s: verdict must be \"good\", \"mixed\" or \"bad\"",
                             what);
            } else
                raise_at(L, sc->pos, "%s: unknown field '%s' (known: %s)", what, k,
                         sc->ending ? "title, verdict, text, chapter, effects, set, lesson"
                                    : "text, chapter, effects, set, lesson, discuss, advice, choice { }");
        }
        lua_pop(L, 1);
    }
    for (size_t i = 0; i < n_items; i++) {
        lua_rawgeti(L, 1, (lua_Integer)i + 1);
        if (!is_choice(L, -1)) /* a hole (nil) in the list, which lua_next does not visit */
            raise_at(L, sc->pos, "%s: item %zu is not a choice { }", what, i + 1);
        sc->n_choices = i + 1; /* before parsing, so story_free frees a half-read choice */
        parse_choice(L, sc, &sc->choices[i], (int)i + 1);
        lua_pop(L, 1);
    }
    if (!sc->text.str && !sc->text.fn)
        raise_at(L, sc->pos, "%s: needs text", what);
    if (sc->ending && !sc->title)
        raise_at(L, sc->pos, "%s: needs a title", what);
    /* derived ids that collide get -2, -3...; explicit duplicates are errors (see resolve) */
    for (size_t i = 0; i < sc->n_choices; i++)
        for (size_t j = 0; j < i && sc->choices[i].derived_id; j++)
            if (strcmp(sc->choices[i].id, sc->choices[j].id) == 0) {
                char *base = sc->choices[i].id;
                int k = 2;
                char *cand = NULL;
                do {
                    free(cand);
                    cand = xasprintf("%s-%d", base, k++);
                } while (story_find_choice(sc, cand) >= 0);
                sc->choices[i].id = cand;
                free(base);
                break;
            }
}

/* Every declaration (story, scene, ending, choice, and the table-taking half of scene "id")
 * runs through this, with the function itself as upvalue 1: a declaration whose error a pcall
 * catches has still left the story half-built (a scene added before its table was read, a
 * story { } whose id was never set), so its message is kept and the load fails with it. */
static int guarded(lua_State *L)
{
    Script *sc = script_of(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (status == LUA_OK)
        return lua_gettop(L);
    if (!sc->decl_error && sc->loading)
        sc->decl_error = xstrdup(lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                                 : "a declaration failed");
    return lua_error(L);
}

static int scene_body(lua_State *L)
{
    Script *s = script_of(L);
    need_loading(L, "scene \"id\" { }");
    bool ending = lua_toboolean(L, lua_upvalueindex(3));
    Pos pos = {.file = lua_touserdata(L, lua_upvalueindex(4)),
               .line = (int)lua_tointeger(L, lua_upvalueindex(2))};
    const char *id = lua_tostring(L, lua_upvalueindex(1));
    if (lua_type(L, 1) != LUA_TTABLE)
        raise_at(L, pos, "%s '%s' needs a table: %s \"%s\" { text = ..., ... }",
                 ending ? "ending" : "scene", id, ending ? "ending" : "scene", id);
    s->pending_scenes--;
    if (s->story->n_scenes >= STORY_MAX_SCENES)
        raise_at(L, pos, "a story may have at most %d scenes and endings", STORY_MAX_SCENES);
    Scene *sc = story_add_scene(s->story);
    sc->id = xstrdup(id);
    sc->ending = ending;
    sc->pos = pos;
    sc->verdict = VERDICT_MIXED;
    parse_scene(L, sc);
    return 0;
}

static int declare(lua_State *L, bool ending)
{
    Script *s = script_of(L);
    Pos pos = caller_pos(L);
    const char *kind = ending ? "ending" : "scene";
    need_loading(L, ending ? "ending \"id\" { }" : "scene \"id\" { }");
    if (lua_type(L, 1) != LUA_TSTRING)
        raise_at(L, pos, "%s needs an id: %s \"id\" { ... }", kind, kind);
    const char *id = lua_tostring(L, 1);
    if (!util_is_identifier(id))
        raise_at(L, pos, "%s id '%s' must be letters, digits, _ or -", kind, id);
    s->pending_scenes++;
    s->pending_pos = pos;
    lua_pushvalue(L, 1);
    lua_pushinteger(L, pos.line);
    lua_pushboolean(L, ending);
    lua_pushlightuserdata(L, (void *)(uintptr_t)pos.file);
    lua_pushcclosure(L, scene_body, 4);
    lua_pushcclosure(L, guarded, 1);
    return 1;
}

static int l_scene(lua_State *L)
{
    return declare(L, false);
}

static int l_ending(lua_State *L)
{
    return declare(L, true);
}

/* ---- story { } ---- */

static int cmp_stat(const void *a, const void *b)
{
    const StatDef *x = a, *y = b;
    int c = strcmp(x->label, y->label);
    return c ? c : strcmp(x->id, y->id);
}

static int cmp_flag(const void *a, const void *b)
{
    return strcmp(((const FlagDef *)a)->id, ((const FlagDef *)b)->id);
}

/* A stat declaration is on top; its id is given (map form) or read from the table. */
static void parse_stat(lua_State *L, StatDef *st, const char *id, Pos pos)
{
    if (!lua_istable(L, -1))
        raise_at(L, pos, "story: stat '%s' must be a table { start = ..., label = ... }",
                 id ? id : "?");
    st->min = 0;
    st->max = 100;
    st->start = INT32_MIN;
    st->good = GOOD_HIGH;
    st->pos = pos;
    if (id) {
        st->id = xstrdup(id);
    } else { /* array form: read the id first, so messages can name the stat */
        lua_pushliteral(L, "id");
        lua_rawget(L, -2);
        if (lua_type(L, -1) == LUA_TSTRING)
            st->id = xstrdup(string_value(L, pos, "story: stat", "id", TEXT_MAX_LABEL));
        lua_pop(L, 1);
    }
    char what[160];
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *k = key_name(L, -2);
        if (!k)
            raise_at(L, pos, "story: stat '%s': unexpected item", id ? id : "?");
        snprintf(what, sizeof what, "story: stat '%s'", st->id ? st->id : "?");
        if (strcmp(k, "id") == 0 && !id)
            get_string_check(L, pos, what, k);
        else if (strcmp(k, "start") == 0)
            st->start = get_int(L, pos, what, k);
        else if (strcmp(k, "min") == 0)
            st->min = get_int(L, pos, what, k);
        else if (strcmp(k, "max") == 0)
            st->max = get_int(L, pos, what, k);
        else if (strcmp(k, "label") == 0)
            st->label = get_string(L, pos, what, k);
        else if (strcmp(k, "description") == 0)
            st->description = get_string(L, pos, what, k);
        else if (strcmp(k, "hidden") == 0) {
            if (!lua_isboolean(L, -1))
                raise_at(L, pos, "%s: hidden must be true or false", what);
            st->hidden = lua_toboolean(L, -1);
        } else if (strcmp(k, "good") == 0) {
            const char *g = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            if (g && strcmp(g, "high") == 0)
                st->good = GOOD_HIGH;
            else if (g && strcmp(g, "low") == 0)
                st->good = GOOD_LOW;
            else if (g && strcmp(g, "neutral") == 0)
                st->good = GOOD_NEUTRAL;
            else
                raise_at(L, pos, "%s: good must be \"high\", \"low\" or \"neutral\"", what);
        } else
            raise_at(L, pos, "%s: unknown field '%s' (known: start, min, max, label, description, good, hidden)",
                     what, k);
        lua_pop(L, 1);
    }
    if (!st->id || !is_lua_name(st->id))
        raise_at(L, pos, "story: every stat needs an id made of letters, digits and _");
    snprintf(what, sizeof what, "story: stat '%s'", st->id);
    if (st->min >= st->max)
        raise_at(L, pos, "%s: min must be below max", what);
    if (st->start == INT32_MIN)
        raise_at(L, pos, "%s: needs a start value", what);
    if (st->start < st->min || st->start > st->max)
        raise_at(L, pos, "%s: start %d is outside %d..%d", what, st->start, st->min, st->max);
    if (!st->label)
        st->label = xstrdup(st->id);
}

static void parse_stats(lua_State *L, Story *s, Pos pos)
{
    if (!lua_istable(L, -1))
        raise_at(L, pos, "story: 'stats' must be a table");
    size_t n = lua_rawlen(L, -1);
    if (n > STORY_MAX_STATS)
        raise_at(L, pos, "story: %zu stats (at most %d)", n, STORY_MAX_STATS);
    if (n > 0) { /* array form: the order is the display order */
        s->stats = xcalloc(n, sizeof *s->stats);
        for (size_t i = 0; i < n; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            s->n_stats = i + 1;
            parse_stat(L, &s->stats[i], NULL, pos);
            lua_pop(L, 1);
        }
    } else { /* map form: shown in alphabetical order of label */
        size_t cap = 0;
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (!key_name(L, -2))
                raise_at(L, pos, "story: stats must be { name = { ... } } or a list");
            if (s->n_stats >= STORY_MAX_STATS)
                raise_at(L, pos, "story: more than %d stats", STORY_MAX_STATS);
            util_grow(&s->stats, &cap, s->n_stats + 1, sizeof *s->stats);
            memset(&s->stats[s->n_stats], 0, sizeof *s->stats);
            s->n_stats++;
            parse_stat(L, &s->stats[s->n_stats - 1], lua_tostring(L, -2), pos);
            lua_pop(L, 1);
        }
        if (s->n_stats > 1)
            qsort(s->stats, s->n_stats, sizeof *s->stats, cmp_stat);
    }
    for (size_t i = 0; i < s->n_stats; i++) {
        if (story_is_reserved_name(s->stats[i].id))
            raise_at(L, pos, "story: '%s' is a reserved name and cannot be a stat",
                     s->stats[i].id);
        for (size_t j = 0; j < i; j++)
            if (strcmp(s->stats[i].id, s->stats[j].id) == 0)
                raise_at(L, pos, "story: stat '%s' is declared twice", s->stats[i].id);
    }
}

static void parse_flags(lua_State *L, Story *s, Pos pos)
{
    if (!lua_istable(L, -1))
        raise_at(L, pos, "story: 'flags' must be a table { name = initial value }");
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *k = key_name(L, -2);
        if (!k || !is_lua_name(k))
            raise_at(L, pos, "story: flag names must be letters, digits and _");
        if (s->n_flags >= STORY_MAX_FLAGS)
            raise_at(L, pos, "story: more than %d flags", STORY_MAX_FLAGS);
        Value v;
        if (!script_to_value(L, -1, &v))
            raise_at(L, pos, "story: flag '%s' must start as a boolean, integer or string", k);
        util_grow(&s->flags, &cap, s->n_flags + 1, sizeof *s->flags);
        s->flags[s->n_flags].id = xstrdup(k);
        s->flags[s->n_flags].initial = v;
        s->flags[s->n_flags].implicit = false;
        s->n_flags++;
        lua_pop(L, 1);
    }
    if (s->n_flags > 1)
        qsort(s->flags, s->n_flags, sizeof *s->flags, cmp_flag);
}

static void parse_threshold(lua_State *L, Story *s, int stat, Pos pos)
{
    const char *sid = s->stats[stat].id;
    if (!lua_istable(L, -1))
        raise_at(L, pos, "story: when_stat.%s must be { at_least = N, go = \"scene\" }", sid);
    Threshold t = {.stat = stat, .go_index = -1, .pos = pos};
    int have = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *k = key_name(L, -2) ? key_name(L, -2) : "?";
        char what[160];
        snprintf(what, sizeof what, "story: when_stat.%s", sid);
        if (strcmp(k, "at_least") == 0 || strcmp(k, "at_most") == 0) {
            t.at_least = k[3] == 'l';
            t.value = get_int(L, pos, what, k);
            have++;
        } else if (strcmp(k, "go") == 0) {
            free(t.go);
            t.go = get_string(L, pos, what, k);
        } else {
            free(t.go);
            raise_at(L, pos, "%s: unknown field '%s' (known: at_least, at_most, go)", what, k);
        }
        lua_pop(L, 1);
    }
    if (have != 1 || !t.go) {
        free(t.go);
        raise_at(L, pos, "story: when_stat.%s needs one of at_least/at_most and go", sid);
    }
    if (s->n_thresholds >= STORY_MAX_THRESHOLDS) {
        free(t.go);
        raise_at(L, pos, "story: more than %d when_stat rules", STORY_MAX_THRESHOLDS);
    }
    s->thresholds = xrealloc(s->thresholds, (s->n_thresholds + 1) * sizeof *s->thresholds);
    s->thresholds[s->n_thresholds++] = t;
}

static void parse_when_stat(lua_State *L, Story *s, Pos pos)
{
    if (!lua_istable(L, -1))
        raise_at(L, pos, "story: 'when_stat' must be a table { stat = { at_least = N, go = ... } }");
    /* In stat order, so the first rule that fires is the same on every run. */
    for (size_t i = 0; i < s->n_stats; i++) {
        lua_pushstring(L, s->stats[i].id);
        lua_rawget(L, -2);
        if (lua_istable(L, -1) && lua_rawlen(L, -1) > 0) {
            size_t n = lua_rawlen(L, -1);
            for (size_t j = 1; j <= n; j++) {
                lua_rawgeti(L, -1, (lua_Integer)j);
                parse_threshold(L, s, (int)i, pos);
                lua_pop(L, 1);
            }
        } else if (!lua_isnil(L, -1)) {
            parse_threshold(L, s, (int)i, pos);
        }
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *k = key_name(L, -2) ? key_name(L, -2) : "?";
        if (story_find_stat(s, k) < 0)
            raise_at(L, pos, "story: when_stat names unknown stat '%s'", k);
        lua_pop(L, 1);
    }
}

static void parse_chapters(lua_State *L, Story *s, Pos pos)
{
    size_t n = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
    if (n == 0)
        raise_at(L, pos, "story: chapters must be a list of story ids, e.g. { \"a\", \"b\" }");
    if (n > STORY_MAX_CHAPTERS)
        raise_at(L, pos, "story: %zu chapters (at most %d)", n, STORY_MAX_CHAPTERS);
    s->chapters = xcalloc(n, sizeof *s->chapters);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
        const char *id = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        if (!id || !util_is_identifier(id))
            raise_at(L, pos, "story: chapter %zu must be a story id", i + 1);
        s->chapters[s->n_chapters++] = xstrdup(id);
        lua_pop(L, 1);
    }
}

static int l_story(lua_State *L)
{
    Script *sc = script_of(L);
    Story *s = sc->story;
    Pos pos = caller_pos(L);
    need_loading(L, "story { }");
    if (lua_type(L, 1) != LUA_TTABLE)
        raise_at(L, pos, "story needs a table: story { id = ..., title = ..., ... }");
    if (sc->story_seen)
        raise_at(L, pos, "story { } is declared twice (first at %s:%d)", s->pos.file, s->pos.line);
    sc->story_seen = true;
    s->pos = pos;
    s->order = 1000;
    /* stats first: when_stat refers to them */
    lua_pushliteral(L, "stats");
    lua_rawget(L, 1);
    if (!lua_isnil(L, -1))
        parse_stats(L, s, pos);
    lua_pop(L, 1);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        const char *k = key_name(L, -2);
        if (!k)
            raise_at(L, pos, "story: unexpected item; write name = value");
        if (strcmp(k, "id") == 0) {
            s->id = get_string(L, pos, "story", k);
            if (!util_is_identifier(s->id))
                raise_at(L, pos, "story: id '%s' must be letters, digits, _ or -", s->id);
        } else if (strcmp(k, "title") == 0)
            s->title = get_string(L, pos, "story", k);
        else if (strcmp(k, "summary") == 0)
            s->summary = get_string(L, pos, "story", k);
        else if (strcmp(k, "author") == 0)
            s->author = get_string(L, pos, "story", k);
        else if (strcmp(k, "content_note") == 0)
            s->content_note = get_string(L, pos, "story", k);
        else if (strcmp(k, "ask_name") == 0) {
            if (!lua_isboolean(L, -1))
                raise_at(L, pos, "story: ask_name must be true or false");
            s->ask_name = lua_toboolean(L, -1);
        }
        else if (strcmp(k, "start") == 0)
            s->start = get_string(L, pos, "story", k);
        else if (strcmp(k, "order") == 0)
            s->order = get_int(L, pos, "story", k);
        else if (strcmp(k, "flags") == 0)
            parse_flags(L, s, pos);
        else if (strcmp(k, "chapters") == 0)
            parse_chapters(L, s, pos);
        else if (strcmp(k, "between") == 0) {
            if (!lua_istable(L, -1))
                raise_at(L, pos, "story: between must be a table { stat = change }, e.g. "
                                 "{ burnout = \"-50%%\" }");
            get_effects(L, &s->between, pos, "story: between");
        }
        else if (strcmp(k, "when_stat") == 0)
            parse_when_stat(L, s, pos);
        else if (strcmp(k, "stats") != 0)
            raise_at(L, pos, "story: unknown field '%s' (known: id, title, summary, author, "
                             "content_note, order, stats, flags, start, when_stat, chapters, "
                             "between, ask_name)",
                     k);
        lua_pop(L, 1);
    }
    if (!s->id || !s->title)
        raise_at(L, pos, "story: id and title are required");
    if (s->n_chapters && (s->start || s->n_stats || s->n_flags || s->n_thresholds))
        raise_at(L, pos, "story: a campaign (chapters = { ... }) has no start, stats, flags or "
                         "when_stat of its own; its chapters do");
    if (s->between.n && !s->n_chapters)
        raise_at(L, pos, "story: between is a campaign's (it says what the time between two "
                         "chapters does); this story has no chapters");
    if (!s->n_chapters && !s->start)
        raise_at(L, pos, "story: start is required (the id of the first scene)");
    if (!s->summary)
        s->summary = xstrdup("");
    return 0;
}

/* Put story, scene, ending and choice in the sandbox's globals (a lua_CFunction: run under
 * lua_pcall, so running out of memory is an error, not an abort). */
static int loader_open(lua_State *L)
{
    lua_newtable(L);
    lua_pushliteral(L, "choice");
    lua_setfield(L, -2, "__name");
    lua_pushliteral(L, "choice");
    lua_setfield(L, -2, "__metatable");
    lua_pushcfunction(L, choice_locked);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, choice_locked);
    lua_setfield(L, -2, "__newindex");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &CHOICE_MT);
    static const luaL_Reg api[] = {{"story", l_story},
                                   {"scene", l_scene},
                                   {"ending", l_ending},
                                   {"choice", l_choice},
                                   {NULL, NULL}};
    for (const luaL_Reg *r = api; r->name; r++) {
        lua_pushcfunction(L, r->func);
        lua_pushcclosure(L, guarded, 1);
        lua_setglobal(L, r->name);
    }
    return 0;
}

/* ---- running the files ---- */

Story *loader_load(const char *path, unsigned variant, const HostOps *ops, Err *err)
{
    Story *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->start_index = -1;
    if (catalog_story_files(path, &s->files, &s->n_files, err) != 0) {
        story_free(s);
        return NULL;
    }
    Script *sc = script_new_variant(script_default_limits(), variant, err);
    if (!sc) {
        story_free(s);
        return NULL;
    }
    s->host = sc;
    s->host_ops = ops;
    sc->story = s;
    lua_State *L = sc->L;
    lua_pushcfunction(L, loader_open);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        err_set(err, "cannot set up the story API: %s",
                lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?");
        story_free(s);
        return NULL;
    }
    unsigned long long hash = FNV1A64_INIT;
    script_begin(sc, sc->limits.load_budget); /* one budget for all the files */
    sc->loading = true;
    for (size_t i = 0; i < s->n_files; i++) {
        size_t len;
        char *code = util_read_file(s->files[i], MAX_SCRIPT_BYTES, &len, err);
        if (!code) {
            story_free(s);
            return NULL;
        }
        hash = fnv1a64(hash, code, len);
        const char *body = code;
        if (len >= 3 && memcmp(code, "\xEF\xBB\xBF", 3) == 0) { /* UTF-8 byte order mark */
            body += 3;
            len -= 3;
        }
        sc->file = s->files[i];
        char *chunk = xasprintf("@%s", s->files[i]);
        int st = luaL_loadbufferx(L, body, len, chunk, "t");
        free(chunk);
        free(code);
        if (st != LUA_OK) {
            if (st == LUA_ERRMEM)
                err_set(err, "%s: memory limit exceeded while compiling", s->files[i]);
            else if (st == LUA_ERRSYNTAX && strstr(lua_tostring(L, -1), "binary chunk"))
                err_set(err, "%s: not a Lua text file (binary chunks are not allowed)",
                        s->files[i]);
            else if (strncmp(lua_tostring(L, -1), s->files[i], strlen(s->files[i])) == 0)
                err_set(err, "%s%s", lua_tostring(L, -1), syntax_hint(lua_tostring(L, -1)));
            else /* errors from deep in the parser come without the file's name */
                err_set(err, "%s: %s%s", s->files[i], lua_tostring(L, -1),
                        syntax_hint(lua_tostring(L, -1)));
            story_free(s);
            return NULL;
        }
        /* Lua 5.4.4 can crash reporting an error in a long chain of table accesses
         * (workarounds.c): refuse such a file before it runs */
        lua_pushcfunction(L, workarounds_check_chunk);
        lua_pushvalue(L, -2);
        if (script_pcall(sc, 1, 0, 0, err) != 0) {
            story_free(s);
            return NULL;
        }
        if (script_pcall(sc, 0, 0, 0, err) != 0) {
            story_free(s);
            return NULL;
        }
    }
    sc->loading = false;
    if (sc->decl_error) { /* caught by a pcall, but what it left half-built cannot be played */
        err_set(err, "%s (a declaration that fails fails the story, even inside pcall)",
                sc->decl_error);
        story_free(s);
        return NULL;
    }
    snprintf(s->hash, sizeof s->hash, "%016llx", hash);
    StoryProblems c = {0};
    Pos file_pos = {.file = s->files ? s->files[0] : s->path, .line = 1};
    if (!sc->story_seen) {
        story_problem(&c, file_pos, "no story { } declaration (it names the story and its stats)");
    } else {
        if (sc->pending_scenes > 0)
            story_problem(&c, sc->pending_pos,
                          "a scene or ending id is not followed by its { } table");
        story_resolve(s, &c);
    }
    if (c.n > 0) {
        story_problems_to_err(&c, err);
        story_free(s);
        return NULL;
    }
    for (size_t i = 0; i < s->n_scenes; i++) {
        s->scenes[i].choice_base = s->n_choices_total;
        s->n_choices_total += s->scenes[i].n_choices;
    }
    if (view_build(sc, err) != 0) {
        story_free(s);
        return NULL;
    }
    lua_gc(L, LUA_GCCOLLECT);
    return s;
}
