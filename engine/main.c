/* main.c: the ladder command line: the global options, then the command from the table in
 * tools/tools.c. Nothing else. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua/lua_host.h"
#include "tools/tools.h"
#include "ui/registry.h"

int main(int argc, char **argv)
{
    host_install(lua_host()); /* the scripting host behind story_load (core/host.h) */
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},          {"version", no_argument, NULL, 'V'},
        {"ui", required_argument, NULL, 'u'},      {"frames", required_argument, NULL, 'f'},
        {"screenshot", required_argument, NULL, 'S'}, {NULL, 0, NULL, 0}};
    const char *ui = NULL, *screenshot = NULL;
    long frames = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
        switch (c) {
        case 'h': tools_print_main_usage(); return TOOLS_EXIT_OK;
        case 'V': printf("ladder %s\n", LADDER_VERSION); return TOOLS_EXIT_OK;
        case 'u':
            if (!ui_find(optarg, UI_CAP_MENU))
                return tools_unknown_ui(NULL, optarg, UI_CAP_MENU, "the title menu");
            ui = optarg;
            break;
        case 'f':
            if (!tools_parse_count(optarg, 1, 1000000, &frames))
                return tools_usage_error(NULL, "--frames takes a count from 1, not '%s'", optarg);
            break;
        case 'S': screenshot = optarg; break;
        default: return tools_usage_error(NULL, "%s", "invalid option");
        }
    }
    if (optind >= argc)
        return tool_title(ui, (int)frames, screenshot);
    const Command *cmd = tools_find(argv[optind]);
    if (!cmd)
        return tools_usage_error(NULL, "unknown command '%s'", argv[optind]);
    int sub_argc = argc - optind;
    char **sub_argv = argv + optind;
    optind = 0; /* 0: GNU getopt starts afresh (the first pass stopped at the command) */
    return cmd->run(sub_argc, sub_argv);
}
