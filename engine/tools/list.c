/* list.c: `ladder list`: the bundled stories, and where stories and saves live. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/paths.h"
#include "core/utf8.h"
#include "tools/tools.h"

const char tool_list_usage[] =
    "Usage: ladder list [--where]\n"
    "\n"
    "List the bundled stories: id, title and summary.\n"
    "\n"
    "Options:\n"
    "      --where  also show where stories are read from and saves are kept\n"
    "  -h, --help   show this help and exit\n";

int tool_list(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'}, {"where", no_argument, NULL, 'w'}, {NULL, 0, NULL, 0}};
    int c;
    bool where = false;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h') {
            tools_print_usage(tool_list_usage);
            return TOOLS_EXIT_OK;
        }
        if (c == 'w') {
            where = true;
            continue;
        }
        return tools_usage_error("list", "%s", "invalid option");
    }
    if (optind < argc)
        return tools_usage_error("list", "unexpected argument '%s'", argv[optind]);
    char *dir = paths_scenarios_dir();
    Catalog *cat = catalog_scan(dir);
    free(dir);
    size_t w = 0;
    for (size_t i = 0; i < cat->n; i++)
        if (strlen(cat->v[i].id) > w)
            w = strlen(cat->v[i].id);
    for (size_t i = 0; i < cat->n; i++)
        utf8_fprintf(stdout, "%-*s  %s: %s\n", (int)w, cat->v[i].id, cat->v[i].title,
                     cat->v[i].summary);
    if (where) {
        Err err;
        char *data = paths_data_dir(&err);
        utf8_fprintf(stdout, "\nstories: %s\nsaves:   %s/saves\n", cat->dir,
                     data ? data : err.msg);
        free(data);
    }
    int rc = TOOLS_EXIT_OK;
    if (cat->problems) {
        utf8_fprintf(stderr, "ladder: some bundled stories failed to load:\n%s\n", cat->problems);
        rc = TOOLS_EXIT_FAILED;
    } else if (cat->n == 0) {
        utf8_fprintf(stderr, "ladder: no stories found in %s\n", cat->dir);
        rc = TOOLS_EXIT_FAILED;
    }
    catalog_free(cat);
    return rc;
}
