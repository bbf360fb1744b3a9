/* view.c: the read-only game view that callbacks receive as g: stats and flags by name, plus
 * g.player, g.named, g.scene, g.decisions, g:chance(p), g:roll(a, b) and g:visited(scene). */
#include "lua/internal.h"

#include "core/story_check.h"
#include "core/usage.h"

#include <string.h>

/* Codes in the name table: stats are 1..n, flags -1..-n, built-ins from BUILTIN up, in the
 * order of story_reserved_names. */
enum {
    BUILTIN = 1000000,
    B_PLAYER = BUILTIN,
    B_SCENE,
    B_DECISIONS,
    B_CHANCE,
    B_ROLL,
    B_VISITED,
    B_NAMED
};

static Game *need_game(lua_State *L, const char *what)
{
    Script *sc = script_of(L);
    if (!sc->game)
        luaL_error(L, "%s can only be used while the story is played, inside a function", what);
    return sc->game;
}

static int l_chance(lua_State *L)
{
    lua_Number p = luaL_checknumber(L, 2);
    if (!(p >= 0 && p <= 1))
        return luaL_error(L, "g:chance(p): p must be between 0 and 1");
    Game *g = need_game(L, "g:chance");
    game_note_outside_read(g);
    lua_pushboolean(L, rng_unit(game_rng(g)) < p);
    return 1;
}

static int l_roll(lua_State *L)
{
    lua_Integer a = luaL_checkinteger(L, 2), b = luaL_checkinteger(L, 3);
    if (a > b)
        return luaL_error(L, "g:roll(a, b): a must not be greater than b");
    Game *g = need_game(L, "g:roll");
    game_note_outside_read(g);
    lua_pushinteger(L, (lua_Integer)rng_range(game_rng(g), (int64_t)a, (int64_t)b));
    return 1;
}

static int l_visited(lua_State *L)
{
    const char *id = luaL_checkstring(L, 2);
    Game *g = need_game(L, "g:visited");
    game_note_outside_read(g);
    int idx = story_find_scene(game_story(g), id);
    if (idx < 0) {
        const char *best = story_suggest_name(game_story(g), id, STORY_NAME_SCENE);
        return luaL_error(L, "g:visited: unknown scene '%s'%s%s%s", id,
                          best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
    }
    lua_pushinteger(L, game_visits(g, idx));
    return 1;
}

static void push_value(lua_State *L, const Value *v)
{
    switch (v->type) {
    case VAL_BOOL: lua_pushboolean(L, v->b); break;
    case VAL_INT: lua_pushinteger(L, (lua_Integer)v->i); break;
    case VAL_STR: lua_pushstring(L, v->s); break;
    }
}

/* Where the Lua function reading the view is, with its file as Story.files holds it. */
static Pos reader_pos(lua_State *L, const Story *s)
{
    Pos pos = {.file = s->files ? s->files[0] : s->path, .line = s->pos.line};
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 &&
        ar.source[0] == '@') {
        for (size_t i = 0; i < s->n_files; i++)
            if (strcmp(s->files[i], ar.source + 1) == 0) {
                pos.file = s->files[i];
                pos.line = ar.currentline;
            }
    }
    return pos;
}

/* For check (Story.usage): a stat (code > 0) or flag (code < 0) read. */
static void note_read(lua_State *L, const Story *s, lua_Integer code)
{
    StoryUsage *u = s->usage;
    if (code > 0) {
        u->stat_read[code - 1] = 1;
    } else {
        size_t i = (size_t)(-code - 1);
        if (!u->flag_read[i])
            u->flag_read_at[i] = reader_pos(L, s);
        u->flag_read[i] = 1;
    }
}

static int l_index(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    int isnum = 0;
    lua_Integer code = lua_tointegerx(L, -1, &isnum);
    if (!isnum) {
        if (lua_type(L, 2) == LUA_TSTRING) {
            const char *name = lua_tostring(L, 2);
            const char *best = story_suggest_name(script_of(L)->story, name,
                                                  STORY_NAME_STAT | STORY_NAME_FLAG |
                                                      STORY_NAME_BUILTIN);
            return luaL_error(L, "unknown stat or flag '%s'%s%s%s", name,
                              best ? "; did you mean '" : "", best ? best : "",
                              best ? "'?" : "");
        }
        return luaL_error(L, "the game view has no field of type %s", luaL_typename(L, 2));
    }
    switch (code) {
    case B_CHANCE: lua_pushcfunction(L, l_chance); return 1;
    case B_ROLL: lua_pushcfunction(L, l_roll); return 1;
    case B_VISITED: lua_pushcfunction(L, l_visited); return 1;
    default: break;
    }
    Game *g = need_game(L, "the game view");
    Script *sc = script_of(L);
    if (code > 0 && code < BUILTIN)
        sc->last_read = sc->story->stats[code - 1].id;
    else if (code < 0)
        sc->last_read = sc->story->flags[-code - 1].id;
    if (code < BUILTIN && sc->story->usage)
        note_read(L, sc->story, code);
    if (code > 0 && code < BUILTIN)
        lua_pushinteger(L, game_stat(g, (size_t)code - 1));
    else if (code < 0)
        push_value(L, game_flag(g, (size_t)(-code - 1)));
    else if (code == B_PLAYER)
        lua_pushstring(L, game_player_prose(g));
    else if (code == B_SCENE)
        lua_pushstring(L, game_scene(g)->id);
    else if (code == B_NAMED) /* the player gave a name: g.player is theirs, not the stand-in */
        lua_pushboolean(L, *game_player(g) != '\0');
    else if (code == B_DECISIONS) {
        game_note_outside_read(g);
        lua_pushinteger(L, (lua_Integer)game_decision_count(g));
    }
    return 1;
}

static int l_newindex(lua_State *L)
{
    return luaL_error(L, "the game view is read-only: change stats with effects and flags with "
                         "set");
}

/* Runs under lua_pcall (see view_build). */
static int build(lua_State *L)
{
    Script *sc = script_of(L);
    const Story *s = sc->story;
    lua_createtable(L, 0, (int)(s->n_stats + s->n_flags + 6));
    for (size_t i = 0; i < s->n_stats; i++) {
        lua_pushinteger(L, (lua_Integer)i + 1);
        lua_setfield(L, -2, s->stats[i].id);
    }
    for (size_t i = 0; i < s->n_flags; i++) {
        lua_pushinteger(L, -(lua_Integer)i - 1);
        lua_setfield(L, -2, s->flags[i].id);
    }
    for (size_t i = 0; i < STORY_N_RESERVED; i++) {
        lua_pushinteger(L, BUILTIN + (lua_Integer)i);
        lua_setfield(L, -2, story_reserved_names[i]);
    }
    lua_pushvalue(L, -1);
    sc->names_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    lua_newuserdatauv(L, 0, 0); /* the proxy: a userdata, so rawset cannot write to it */
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, -3);
    lua_pushcclosure(L, l_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "the game view");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    sc->view_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    return 0;
}

int view_build(Script *sc, Err *err)
{
    lua_State *L = sc->L;
    lua_pushcfunction(L, build);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        err_set(err, "%s: memory limit of %zu MiB exceeded after loading the story",
                sc->story->files ? sc->story->files[0] : sc->story->path,
                sc->limits.memory >> 20);
        lua_pop(L, 1);
        return -1;
    }
    return 0;
}
