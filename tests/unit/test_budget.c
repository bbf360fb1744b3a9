/* test_budget.c: no code of a story runs outside its budgets, and the work done in C on its
 * behalf is priced: library loops, patterns, allocation, collection, error handlers, load
 * readers, to-be-closed variables; a wall-clock limit stops what the budget cannot see. Also:
 * the declarations work only while a story loads, choice { } values cannot be reshaped, a
 * story cannot observe addresses or memory use, and texts are capped.
 *
 * Every script runs in a child process killed after KILL_AFTER seconds (see run_isolated). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"
#include "lua/script.h"
#include "lua/lua_host.h"

#define HEAD                                                                                      \
    "story { id = \"t\", title = \"T\", start = \"a\", stats = { { id = \"money\", start = 10 } } }\n"
#define SCENE_A "scene \"a\" { text = \"x\", choice { \"Go\", id = \"go\", go = \"a\" } }\n"

#define run(src, play) run_hostile((src), (play))

/* The run fails promptly with a message containing want, the budget's message after it, and
 * also (if not NULL). */
static void expect_budget_at(const char *src, const char *play, const char *want,
                             const char *also, const char *file, int line)
{
    Outcome o = support_run_hostile(src, play, file, line);
    if (o.ok) {
        print_error("the script was not stopped: %s\n", o.text);
        outcome_free(&o);
        _fail(file, line);
    }
    support_assert_contains(o.text, want, file, line);
    support_assert_contains(strstr(o.text, want), ": instruction budget exceeded", file, line);
    if (also)
        support_assert_contains(o.text, also, file, line);
    outcome_free(&o);
}

/* The same statement at load and inside a text function during play: both stop promptly
 * with the budget's message and the place. */
static void expect_budget_both_ways(const char *stmt, const char *file, int line)
{
    char *at_load = xasprintf(HEAD SCENE_A "%s\n", stmt);
    expect_budget_at(at_load, NULL, "story.lua:", NULL, file, line);
    free(at_load);
    char *in_play = xasprintf(HEAD "scene \"a\" { text = function(g)\n%s\nreturn \"x\" end,\n"
                                   "  choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                              stmt);
    expect_budget_at(in_play, "", "story.lua:", "(scene 'a', text)", file, line);
    free(in_play);
}
#define expect_budget(stmt) expect_budget_both_ways((stmt), __FILE__, __LINE__)

/* ---- library functions that loop in C ---- */

static void test_c_loops_are_priced(void **state)
{
    (void)state;
    expect_budget("local s = string.rep(\"\", math.maxinteger)");
    expect_budget("local s = (\"\"):rep(1 << 40, \"\")");
    expect_budget("for i = 1, 1e9 do local s = string.rep(\"\", 1e6) end");
    /* table functions whose element loops go through C metamethods (no Lua code to count) */
    expect_budget("local t = setmetatable({}, { __index = rawequal, __newindex = rawequal })\n"
                  "table.move(t, 1, math.maxinteger - 1, 2)");
    expect_budget("local t = setmetatable({}, { __len = function() return math.maxinteger end,\n"
                  "  __index = rawequal, __newindex = rawequal })\n"
                  "table.insert(t, 1, 0)");
    expect_budget("local t = setmetatable({}, { __len = function() return math.maxinteger end,\n"
                  "  __index = rawequal, __newindex = rawequal })\n"
                  "table.remove(t, 1)");
    expect_budget("local t = setmetatable({}, { __len = function() return 1e8 end,\n"
                  "  __index = rawlen })\n"
                  "table.sort(t)");
    /* many cheap calls that each do a lot */
    expect_budget("local t = {} for i = 1, 10000 do t[i] = i end\n"
                  "for i = 1, 1e9 do local n = select('#', table.unpack(t)) end");
    expect_budget("local s = string.rep(\"x\", 1 << 20)\n"
                  "for i = 1, 1e9 do local n = utf8.len(s) end");
    expect_budget("local s = string.rep(\" \", 1 << 20) .. \"1\"\n"
                  "for i = 1, 1e9 do local n = tonumber(s) end");
    expect_budget("local s = string.rep(\"x\", 1 << 20)\n"
                  "for i = 1, 1e9 do local n = s:byte(1, 100000) end");
    expect_budget("local t = {} for i = 1, 10000 do t[i] = i end\n"
                  "local function f(...) for i = 1, select('#', ...) do local x = select(i, ...) end end\n"
                  "for i = 1, 1e9 do f(table.unpack(t)) end");
    expect_budget("local s = string.rep(\"x\", 1 << 22)\n"
                  "for i = 1, 1e9 do local u = s:upper() end");
    expect_budget("local s = string.rep(\"x\", 1 << 22)\n"
                  "for i = 1, 1e9 do local u = s .. \"y\" end");
    expect_budget("local t = {} for i = 1, 20 do t[i] = string.rep(\"x\", 1 << 20) end\n"
                  "for i = 1, 1e9 do collectgarbage() end");
    /* ordinary use costs little */
    expect_outcome(HEAD "local t = {} for i = 1, 1000 do table.insert(t, i) end\n"
                        "table.sort(t, function(a, b) return a > b end)\n"
                        "story_title = table.concat(t, \",\", 1, 3) .. string.rep(\"-\", 3)\n"
                        "scene \"a\" { text = function(g) return story_title end,\n"
                        "  choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                   "", "T|1000,999,998---|Go");
}

static void test_patterns_are_priced(void **state)
{
    (void)state;
    /* %b, %f, back-references and quantifiers: every kind of backtracking */
    expect_budget("local s = string.rep(\"(\", 1000000)\nlocal r = s:find(\"%b()\")");
    expect_budget("local s = string.rep(\"a\", 200000)\nlocal r = s:find(\".-.-.-b\")");
    expect_budget("local s = string.rep(\"a\", 100000)\nlocal r = s:match(\"(a*)%1b\")");
    expect_budget("local s = string.rep(\"a\", 100000)\nlocal r = s:gsub(\"a*a*a*b\", \"\")");
    expect_budget("local s = string.rep(\"a\", 100000)\n"
                  "for w in s:gmatch(\"%f[%a]a*b\") do end\n"
                  "for w in s:gmatch(\"a-a-b\") do end");
    /* plain search of a near miss, over and over */
    expect_budget("local s = string.rep(\"a\", 1 << 20)\nlocal p = string.rep(\"a\", 1 << 19) .. \"b\"\n"
                  "for i = 1, 1e9 do local r = s:find(p, 1, true) end");
    /* ordinary patterns over long text still work */
    expect_outcome("local s = string.rep(\"word   \", 20000)\n"
                   "local t, n = s:gsub(\"%s+\", \" \")\n"
                   "local trimmed = (\"  \" .. s):match(\"^%s*(.-)%s*$\")\n"
                   "local b = (\"f(a(b)c)\"):match(\"%b()\")\n"
                   "story { id = \"u\", title = n .. \" \" .. #t .. \" \" .. #trimmed .. \" \" .. b, start = \"a\" }\n"
                   SCENE_A,
                   NULL, "20000 100000 139997 (a(b)c)");
    /* a back-reference to a position capture matches nothing, and costs nothing */
    expect_outcome("local r = (\"ab\"):find(\"()a%1\")\n"
                   "story { id = \"u\", title = tostring(r), start = \"a\" }\n" SCENE_A,
                   NULL, "nil");
}

static void test_allocation_is_priced(void **state)
{
    (void)state;
    /* allocating and freeing 4 MiB a turn never reaches the memory cap, but is work */
    expect_budget("local s = string.rep(\"x\", 1 << 22)\n"
                  "for i = 1, 1e9 do local t = s .. i end");
    expect_budget("for i = 1, 1e9 do local t = {} for j = 1, 1000 do t[j] = j end end");
}

/* ---- code that Lua runs where the count hook cannot see it ---- */

static void test_handlers_and_readers_are_budgeted(void **state)
{
    (void)state;
    expect_budget("xpcall(function() while true do end end, function() while true do end end)");
    expect_budget("while true do xpcall(function() while true do end end, function() return 1 end) end");
    expect_budget("while true do load(function() while true do end end) end");
    expect_budget("while true do load(function() error(\"x\") end) end");
    expect_budget("while true do\n"
                  "  local co = coroutine.create(function()\n"
                  "    local x <close> = setmetatable({}, { __close = function() while true do end end })\n"
                  "    coroutine.yield()\n"
                  "  end)\n"
                  "  coroutine.resume(co)\n"
                  "  coroutine.close(co)\n"
                  "end");
    expect_budget("while true do pcall(function()\n"
                  "  local x <close> = setmetatable({}, { __close = function() while true do end end })\n"
                  "  error(\"x\")\n"
                  "end) end");
    /* xpcall still works as documented */
    expect_outcome("local ok, e = xpcall(function() error(\"boom\", 0) end, function(m) return \"handled \" .. m end)\n"
                   "local ok2, a, b = xpcall(function(x, y) return x + y, x * y end, tostring, 3, 4)\n"
                   "story { id = \"u\", title = tostring(ok) .. \" \" .. e .. \" \" .. tostring(ok2) .. a .. b, start = \"a\" }\n"
                   SCENE_A,
                   NULL, "false handled boom true712");
}

static void test_engine_metatables_are_protected(void **state)
{
    (void)state;
    /* the metatable of choice { } values: not readable, so not writable (no __gc through it) */
    expect_outcome("local c = choice { \"x\", go = \"a\" }\n"
                   "story { id = \"u\", title = tostring(getmetatable(c)) .. \" \" .. type(c) .. \" \" .. tostring(c), start = \"a\" }\n"
                   SCENE_A,
                   NULL, "choice userdata choice");
    expect_failure(HEAD SCENE_A "local c = choice { \"x\", go = \"a\" }\nc.decl = \"A\"\n", NULL,
                   "story.lua:4: a choice { } cannot be read or changed once declared");
    expect_failure(HEAD SCENE_A "local c = choice { \"x\", go = \"a\" }\nsetmetatable(c, {})\n", NULL,
                   "story.lua:4:");
    expect_failure(HEAD SCENE_A "setmetatable(\"\", {})\n", NULL, "story.lua:3:");
    expect_outcome("story { id = \"u\", title = tostring(getmetatable(\"\")), start = \"a\" }\n" SCENE_A,
                   NULL, "false");
    /* changing the table after choice { } has no effect: it was copied */
    expect_outcome(HEAD "local t = { \"Go\", id = \"go\", go = \"a\" }\n"
                        "local c = choice(t)\n"
                        "t[1] = 42 t.go = {} t.id = false\n"
                        "scene \"a\" { text = \"x\", c }\n",
                   "go", "T|x|Go");
}

/* ---- the declarations work only while the story loads ---- */

static void test_declarations_only_while_loading(void **state)
{
    (void)state;
    static const char *const calls[] = {
        "scene (\"late\") { text = \"x\", choice { \"Back\", go = \"a\" } }",
        "ending (\"late\") { title = \"x\", text = \"x\" }",
        "local c = choice { \"Back\", go = \"a\" }",
        "story { id = \"again\", title = \"x\", start = \"a\" }",
    };
    for (size_t i = 0; i < sizeof calls / sizeof *calls; i++) {
        char *src = xasprintf(HEAD "scene \"a\" { text = function(g)\n%s\nreturn \"x\" end,\n"
                                   "  choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                              calls[i]);
        expect_failure(src, "", "can only be used while the story's files load");
        free(src);
    }
    /* the functions kept from load time are refused too */
    expect_failure(HEAD "local mk, sc = choice, scene\n"
                        "scene \"a\" { text = function(g) local c = mk { \"x\", go = \"a\" } return \"x\" end,\n"
                        "  choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                   "", "story.lua:3: choice { } can only be used while the story's files load");
}

/* ---- determinism: nothing a story sees depends on addresses or memory use ---- */

static void test_no_addresses_or_heap_size(void **state)
{
    (void)state;
    expect_outcome("local t = setmetatable({}, { __name = \"Thing\" })\n"
                   "local s = tostring({}) .. \" \" .. tostring(print or tostring) .. \" \" .. tostring(t)\n"
                   "  .. \" \" .. string.format(\"%s %s %5.1f\", {}, coroutine.create(print or tostring), 2)\n"
                   "story { id = \"u\", title = s, start = \"a\" }\n" SCENE_A,
                   NULL, "table function Thing table thread   2.0");
    expect_failure(HEAD SCENE_A "local s = string.format(\"%p\", {})\n", NULL,
                   "story.lua:3: string.format: %p is not available");
    expect_failure(HEAD SCENE_A "local s = string.format(\"%-20p\", \"x\")\n", NULL,
                   "%p is not available");
    expect_failure(HEAD SCENE_A "local k = collectgarbage(\"count\")\n", NULL,
                   "story.lua:3: collectgarbage(\"count\") is not available to stories");
    expect_failure(HEAD SCENE_A "collectgarbage(\"stop\")\n", NULL, "story.lua:3:");
    /* __tostring still works */
    expect_outcome("local t = setmetatable({}, { __tostring = function() return \"me\" end })\n"
                   "story { id = \"u\", title = tostring(t) .. string.format(\"%s\", t), start = \"a\" }\n" SCENE_A,
                   NULL, "meme");
    /* names in error messages of wrapped functions read as in plain Lua */
    expect_failure(HEAD SCENE_A "local n = tonumber(nil, 16)\n", NULL,
                   "story.lua:3: bad argument #1 to 'tonumber'");
    expect_failure(HEAD SCENE_A "local s = string.rep()\n", NULL,
                   "story.lua:3: bad argument #1 to 'string.rep'");
}

/* ---- texts ---- */

static void test_texts_are_capped(void **state)
{
    (void)state;
    /* from a function: a scene's text, a choice's (a button), a scene id */
    expect_failure(HEAD "scene \"a\" { text = function(g) return string.rep(\"x\", 1 << 20) end,\n"
                        "  choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                   "", "the function returned a text of 1024 KiB; it may be at most 256 KiB");
    expect_failure(HEAD "scene \"a\" { text = \"x\",\n"
                        "  choice { id = \"go\", text = function(g) return string.rep(\"x\", 5000) end, go = \"a\" } }\n",
                   "", "the function returned a text of 5000 bytes; it may be at most 4096 bytes");
    expect_failure(HEAD "scene \"a\" { text = \"x\",\n"
                        "  choice { \"Go\", id = \"go\", go = function(g) return \"a\\0b\" end } }\n",
                   "go", "holding a NUL byte");
    /* literal */
    expect_failure(HEAD "scene \"a\" { text = string.rep(\"x\", 1 << 20),\n"
                        "  choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                   NULL, "story.lua:2: scene 'a': 'text' is 1024 KiB long");
    /* names filled in: the result is capped too */
    expect_failure("story { id = \"t\", title = \"T\", start = \"a\", flags = { big = string.rep(\"x\", 4000) } }\n"
                   "scene \"a\" { text = string.rep(\"{big}\", 70), choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                   "", "longer than");
    /* names that C would cut at a NUL byte */
    expect_failure("story { id = \"t\", title = \"T\", start = \"a\", flags = { [\"f\\0x\"] = 1, f = 2 } }\n" SCENE_A,
                   NULL, "story.lua:1: story: flag names must be letters, digits and _");
    expect_failure("story { id = \"t\\0u\", title = \"T\", start = \"a\" }\n" SCENE_A,
                   NULL, "story.lua:1: story: 'id' holds a NUL byte");
    /* a long text of many names is filled in in linear time */
    Outcome o = run(HEAD "scene \"a\" { text = string.rep(\"{money}\", 30000),\n"
                         "  choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                    "go");
    assert_true(o.ok);
    assert_int_equal(strlen(o.text), strlen("T|") + 60000 + strlen("|Go"));
    outcome_free(&o);
    /* an unclosed brace far from its end is found without scanning the rest each time */
    expect_failure(HEAD "scene \"a\" { text = string.rep(\"{money\", 30000),\n"
                        "  choice { \"Go\", id = \"go\", go = \"a\" } }\n",
                   NULL, "unclosed '{'");
}

/* ---- the wall-clock limit ---- */

static void test_wall_clock_limit(void **state)
{
    (void)state;
    /* comparing two 16 MiB strings is one VM instruction and no allocation: the budget counts
     * it as one; the watchdog stops the call after its SCRIPT_WALL_MS */
    Outcome o = run(HEAD SCENE_A
                    "local a = string.rep(\"x\", 16 << 20)\n"
                    "local b = string.rep(\"x\", 16 << 20)\n"
                    "local n = 0 while true do if a == b then n = n + 1 end end\n",
                    NULL);
    assert_false(o.ok);
    char want[80];
    snprintf(want, sizeof want, "story.lua:5: ran for more than %ld ms", SCRIPT_WALL_MS + 0L);
    assert_contains(o.text, want);
    assert_true(o.seconds < 2.0 * SCRIPT_WALL_MS / 1000);
    outcome_free(&o);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_c_loops_are_priced),
        cmocka_unit_test(test_patterns_are_priced),
        cmocka_unit_test(test_allocation_is_priced),
        cmocka_unit_test(test_handlers_and_readers_are_budgeted),
        cmocka_unit_test(test_engine_metatables_are_protected),
        cmocka_unit_test(test_declarations_only_while_loading),
        cmocka_unit_test(test_no_addresses_or_heap_size),
        cmocka_unit_test(test_texts_are_capped),
        cmocka_unit_test(test_wall_clock_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
