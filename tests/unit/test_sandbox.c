/* test_sandbox.c: scenario scripts are untrusted. No files, processes, bytecode or hidden
 * randomness; an instruction budget and a memory cap that pcall cannot escape; no finalizers;
 * error values that cannot hang the reporter; a read-only game view.
 *
 * Every script runs in a child process killed after KILL_AFTER seconds (see run_isolated), so a
 * regression shows as a failed test, not as a hung suite. */
#include "support.h"
#include "lua/lua_host.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>

/* The story declaration, one stat, on line 1; SCENE_A: a scene "a" with one choice. */
#define HEAD                                                                                      \
    "story { id = \"t\", title = \"T\", start = \"a\", stats = { { id = \"burnout\", start = 30 } } }\n"
#define SCENE_A "scene \"a\" { text = \"x\", choice { \"Go\", id = \"go\", go = \"a\" } }\n"

#define run(src, play) run_hostile((src), (play))

/* ---- what is not there ---- */

static void test_dangerous_globals_are_nil(void **state)
{
    (void)state;
    /* probed at load time (the title) and from a callback (the scene text) */
    expect_outcome("function probe()\n"
                   "  local r = {}\n"
                   "  for _, n in ipairs({ \"io\", \"os\", \"debug\", \"package\", \"require\",\n"
                   "                       \"dofile\", \"loadfile\" }) do\n"
                   "    r[#r + 1] = n .. \"=\" .. type(_ENV[n])\n"
                   "  end\n"
                   "  r[#r + 1] = \"string.dump=\" .. type(string.dump)\n"
                   "  r[#r + 1] = \"math.random=\" .. type(math.random)\n"
                   "  r[#r + 1] = \"dump method=\" .. type((\"\").dump)\n"
                   "  return table.concat(r, \" \")\n"
                   "end\n"
                   "story { id = \"t\", title = probe(), start = \"a\" }\n"
                   "scene \"a\" { text = function(g) return probe() end, choice { \"Go\", go = \"a\" } }\n",
                   "",
                   "io=nil os=nil debug=nil package=nil require=nil dofile=nil loadfile=nil "
                   "string.dump=nil math.random=nil dump method=nil|"
                   "io=nil os=nil debug=nil package=nil require=nil dofile=nil loadfile=nil "
                   "string.dump=nil math.random=nil dump method=nil|Go");
    /* the safe parts are there */
    expect_outcome("story { id = \"t\", start = \"a\", title = type(string.format) .. type(table.concat)\n"
                   "  .. type(math.floor) .. type(utf8.char) .. type(coroutine.wrap) .. type(pcall) }\n"
                   SCENE_A,
                   NULL, "functionfunctionfunctionfunctionfunctionfunction");
}

static int collect_dump(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    buf_add(ud, p, n);
    return 0;
}

/* Real Lua 5.4 bytecode of code, made by a plain (unsandboxed) Lua state. */
static char *bytecode_of(const char *code, size_t *len)
{
    lua_State *L = luaL_newstate();
    assert_int_equal(luaL_loadstring(L, code), LUA_OK);
    Buf b = {0};
    assert_int_equal(lua_dump(L, collect_dump, &b, 0), 0);
    /* the bytecode is good: outside the sandbox it loads and runs */
    assert_int_equal(luaL_loadbufferx(L, b.s, b.len, "check", "b"), LUA_OK);
    assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
    assert_string_equal(lua_tostring(L, -1), "pwned");
    lua_close(L);
    *len = b.len;
    return buf_take(&b);
}

static void test_binary_chunks_refused(void **state)
{
    (void)state;
    size_t len;
    char *bc = bytecode_of("return 'pwned'", &len);
    /* the bytes as a Lua string literal */
    Buf lit = {0};
    for (size_t i = 0; i < len; i++)
        buf_printf(&lit, "\\%03u", (unsigned)(unsigned char)bc[i]);
    /* however load is called: default mode, mode "b", an environment, a reader function */
    Buf src = {0};
    buf_printf(&src, "local code = \"%s\"\n", buf_str(&lit));
    buf_puts(&src, "local f1, e1 = load(code)\n"
                   "local f2 = load(code, \"x\", \"b\")\n"
                   "local f3 = load(code, \"x\", \"bt\", {})\n"
                   "local parts, i = { code:sub(1, 5), code:sub(6) }, 0\n"
                   "local f4 = load(function() i = i + 1 return parts[i] end, \"x\", \"b\")\n"
                   "local f5 = load(\"return 1 + 1\")\n"
                   "story { id = \"t\", start = \"a\",\n"
                   "  title = type(f1) .. type(f2) .. type(f3) .. type(f4) .. \"|\" .. f5() .. \"|\" .. e1 }\n"
                   SCENE_A);
    expect_outcome(src.s, NULL, "nilnilnilnil|2|attempt to load a binary chunk (mode is 't')");
    buf_free(&src);
    buf_free(&lit);
    /* nor can a story file be bytecode */
    Err err;
    assert_null(load_story_bytes(bc, len, &err));
    assert_string_equal(err.msg, "story.lua: not a Lua text file (binary chunks are not allowed)");
    free(bc);
}

/* ---- the instruction budget ---- */

static void test_endless_loop_at_load(void **state)
{
    (void)state;
    expect_failure(HEAD "\nwhile true do end\n", NULL, "story.lua:3: instruction budget exceeded");
    /* a loop that calls functions and allocates nothing */
    expect_failure(HEAD "local function f(n) return n + 1 end\n"
                        "local n = 0 while true do n = f(n) end\n",
                   NULL, "instruction budget exceeded");
}

static void test_endless_loop_in_callback(void **state)
{
    (void)state;
    expect_failure(HEAD "scene \"a\" { text = function(g) while true do end end,\n"
                        "  choice { \"Go\", go = \"a\" } }\n",
                   "", "instruction budget exceeded");
    expect_failure(HEAD "scene \"a\" { text = \"x\",\n"
                        "  choice { \"Spin\", id = \"spin\", when = function(g) while true do end end,\n"
                        "           go = \"a\" } }\n",
                   "", "(scene 'a', choice 'spin', when)");
    /* the budget is per callback: after a normal call, the next one has its own */
    expect_failure(HEAD "scene \"a\" { text = \"x\",\n"
                        "  choice { \"Go\", id = \"go\", go = \"b\" } }\n"
                        "scene \"b\" { text = \"y\",\n"
                        "  choice { \"Spin\", id = \"spin\", effects = function(g) while true do end end,\n"
                        "           go = \"a\" } }\n",
                   "go,spin", "instruction budget exceeded");
}

static void test_budget_survives_pcall(void **state)
{
    (void)state;
    /* catching the budget error only buys HOOK_STEP more instructions */
    expect_failure(HEAD "while true do pcall(function() while true do end end) end\n", NULL,
                   "instruction budget exceeded");
    expect_failure(HEAD "while true do\n"
                        "  xpcall(function() while true do end end, function(e) return e end)\n"
                        "end\n",
                   NULL, "instruction budget exceeded");
    expect_failure(HEAD "while true do\n"
                        "  coroutine.resume(coroutine.create(function() while true do end end))\n"
                        "end\n",
                   NULL, "instruction budget exceeded");
    expect_failure(HEAD "while true do\n"
                        "  pcall(coroutine.wrap(function() while true do end end))\n"
                        "end\n",
                   NULL, "instruction budget exceeded");
    /* and in a callback */
    expect_failure(HEAD "scene \"a\" { text = \"x\",\n"
                        "  choice { \"Spin\", id = \"spin\", when = function(g)\n"
                        "    while true do pcall(function() while true do end end) end\n"
                        "  end, go = \"a\" } }\n",
                   "", "instruction budget exceeded");
}

/* ---- the memory cap ---- */

static void test_memory_bomb(void **state)
{
    (void)state;
    expect_failure(HEAD "local t = {}\n"
                        "for i = 1, 1e9 do t[i] = string.rep(\"x\", 1000) .. i end\n",
                   NULL, "memory limit");
    /* just below Lua's own limit of INT_MAX bytes: the allocation is refused by the cap */
    expect_failure(HEAD "local s = string.rep(\"x\", 2^31 - 1)\n", NULL, "memory limit");
    /* at 2^31 Lua refuses before allocating ("resulting string too large"); either refusal
     * will do, as long as it is prompt */
    Outcome o = run(HEAD "local s = string.rep(\"x\", 2^31)\n", NULL);
    assert_false(o.ok);
    if (!strstr(o.text, "memory limit"))
        assert_contains(o.text, "story.lua:2: resulting string too large");
    outcome_free(&o);
    /* a memory error cannot be caught and retried for ever */
    expect_failure(HEAD "while true do pcall(string.rep, \"x\", 1e9) end\n", NULL, "memory limit");
    expect_failure(HEAD "while true do\n"
                        "  coroutine.resume(coroutine.create(function() return string.rep(\"x\", 1e9) end))\n"
                        "end\n",
                   NULL, "memory limit");
    /* in a callback (on top of what the story holds: allocating is charged to the budget too,
     * and one callback's budget pays for some 12 MB of string.rep) */
    expect_failure(HEAD "hold = {} for i = 1, 56 do hold[i] = string.rep(\"h\", 1 << 20) end\n"
                        "scene \"a\" { text = \"x\",\n"
                        "  choice { \"Hog\", id = \"hog\", when = function(g)\n"
                        "    local t = {} for i = 1, 1e9 do t[i] = string.rep(\"x\", 1 << 20) end\n"
                        "  end, go = \"a\" } }\n",
                   "", "memory limit");
}

static void test_memory_freed_after_failed_callback(void **state)
{
    (void)state;
    /* A callback that hits the cap fails, but the memory it held is released: the next
     * callbacks run normally. */
    Story *s = must_load(HEAD "hold = {} for i = 1, 56 do hold[i] = string.rep(\"h\", 1 << 20) end\n"
                              "scene \"a\" { text = \"x\",\n"
                              "  choice { \"Hog\", id = \"hog\", effects = function(g)\n"
                              "    local t = {} for i = 1, 1e9 do t[i] = string.rep(\"x\", 1 << 20) end\n"
                              "  end, go = \"a\" },\n"
                              "  choice { function(g) return (\"y\"):rep(3) end, id = \"ok\",\n"
                              "           effects = function(g) local t = {} for i = 1, 1000 do\n"
                              "             t[i] = (\"z\"):rep(1000) end return { burnout = 1 } end,\n"
                              "           go = \"a\" } }\n");
    Err err;
    for (int round = 0; round < 3; round++) {
        Game *g = must_start(s, 1);
        assert_int_equal(game_choose_id(g, "hog", 1, &err), -1);
        assert_contains(err.msg, "memory limit");
        game_free(g);
        g = must_start(s, 1);
        must_choose(g, "ok");
        assert_int_equal(stat_of(g, "burnout"), 31);
        assert_string_equal(game_choice_text(g, 1), "yyy");
        game_free(g);
    }
    story_free(s);
}

static void test_costly_pattern_stopped(void **state)
{
    (void)state;
    /* the matcher's steps are charged to the budget (see test_budget.c for more) */
    expect_failure(HEAD "local s = string.rep(\"a\", 200000)\n"
                        "local r = s:find(\".-.-.-.-.-b\")\n",
                   NULL, "story.lua:3: instruction budget exceeded");
}

/* ---- finalizers ---- */

static void test_gc_metamethod_refused(void **state)
{
    (void)state;
    expect_outcome("local ok, e = pcall(setmetatable, {}, { __gc = function() end })\n"
                   "local ok2 = pcall(setmetatable, {}, { __gc = true })\n"
                   "local ok3 = pcall(setmetatable, {}, { __index = {} })\n"
                   "story { id = \"t\", start = \"a\",\n"
                   "  title = tostring(ok) .. tostring(ok2) .. tostring(ok3) .. \"|\" .. e }\n" SCENE_A,
                   NULL, "falsefalsetrue|__gc metamethods are not allowed in scenarios");
}

static void test_gc_metamethod_cannot_sneak_in(void **state)
{
    (void)state;
    /* A guard that looks __gc up with an ordinary (metamethod-following) read lets an __index
     * on the metatable add __gc during that very lookup. Finalizers run with hooks off, outside
     * the instruction budget (see the next test). The finalizer must never run. */
    expect_outcome("ran = \"no\"\n"
                   "local mt = setmetatable({}, { __index = function(t, k)\n"
                   "  if k == \"__gc\" then rawset(t, \"__gc\", function() ran = \"yes\" end) end\n"
                   "end })\n"
                   "pcall(setmetatable, {}, mt)\n"
                   "collectgarbage()\n"
                   "collectgarbage()\n"
                   "story { id = \"t\", start = \"a\", title = \"finalizer ran: \" .. ran }\n" SCENE_A,
                   NULL, "finalizer ran: no");
}

static void test_gc_finalizer_cannot_hang(void **state)
{
    (void)state;
    /* the same trick with an endless finalizer: the load must end promptly either way */
    Outcome o = run(HEAD SCENE_A
                    "local mt = setmetatable({}, { __index = function(t, k)\n"
                    "  if k == \"__gc\" then rawset(t, \"__gc\", function() while true do end end) end\n"
                    "end })\n"
                    "pcall(setmetatable, {}, mt)\n"
                    "collectgarbage()\n",
                    NULL);
    outcome_free(&o);
}

/* ---- error values ---- */

static void test_error_objects_cannot_hang(void **state)
{
    (void)state;
    expect_failure(HEAD "\n"
                        "error(setmetatable({}, { __tostring = function() while true do end end }))\n",
                   NULL, "story.lua:3: error (the error value is a table, not a message)");
    expect_failure(HEAD "local mt = {} mt.__tostring = function(e) return tostring(e) end\n"
                        "error(setmetatable({}, mt))\n",
                   NULL, "the error value is a table");
    expect_failure(HEAD "error()\n", NULL, "story.lua:2: error (the error value is a nil");
    expect_failure(HEAD "scene \"a\" { text = \"x\",\n"
                        "  choice { \"Go\", id = \"go\", when = function(g)\n"
                        "    error(setmetatable({}, { __tostring = function() while true do end end }))\n"
                        "  end, go = \"a\" } }\n",
                   "", "story.lua:4: error (the error value is a table, not a message) "
                       "(scene 'a', choice 'go', when)");
}

/* ---- the game view ---- */

static void test_view_is_read_only(void **state)
{
    (void)state;
    expect_failure(HEAD "scene \"a\" { text = \"x\",\n"
                        "  choice { \"Go\", id = \"go\", when = function(g) g.burnout = 0 return true end,\n"
                        "           go = \"a\" } }\n",
                   "", "story.lua:3: the game view is read-only");
    expect_failure(HEAD "scene \"a\" { text = function(g) g.extra = 1 return \"x\" end,\n"
                        "  choice { \"Go\", go = \"a\" } }\n",
                   "", "read-only");
    expect_failure(HEAD "scene \"a\" { text = function(g) setmetatable(g, nil) return \"x\" end,\n"
                        "  choice { \"Go\", go = \"a\" } }\n",
                   "", "(scene 'a', text)");
}

static void test_view_cannot_be_poisoned_with_rawset(void **state)
{
    (void)state;
    /* rawset bypasses __newindex. If it is allowed at all, it must not change what later
     * callbacks read: burnout is 30. */
    Outcome o = run(HEAD "scene \"a\" { text = function(g) rawset(g, \"burnout\", 999) return \"x\" end,\n"
                         "  choice { function(g) return \"burnout \" .. g.burnout end, id = \"go\", go = \"a\" } }\n",
                    "");
    if (o.ok)
        assert_string_equal(o.text, "T|x|burnout 30");
    else
        assert_contains(o.text, "rawset");
    outcome_free(&o);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dangerous_globals_are_nil),
        cmocka_unit_test(test_binary_chunks_refused),
        cmocka_unit_test(test_endless_loop_at_load),
        cmocka_unit_test(test_endless_loop_in_callback),
        cmocka_unit_test(test_budget_survives_pcall),
        cmocka_unit_test(test_memory_bomb),
        cmocka_unit_test(test_memory_freed_after_failed_callback),
        cmocka_unit_test(test_costly_pattern_stopped),
        cmocka_unit_test(test_gc_metamethod_refused),
        cmocka_unit_test(test_gc_metamethod_cannot_sneak_in),
        cmocka_unit_test(test_gc_finalizer_cannot_hang),
        cmocka_unit_test(test_error_objects_cannot_hang),
        cmocka_unit_test(test_view_is_read_only),
        cmocka_unit_test(test_view_cannot_be_poisoned_with_rawset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
