/* host.c: which scripting host loads stories (see host.h). */
#include "core/host.h"

static const HostOps *installed;

void host_install(const HostOps *ops)
{
    installed = ops;
}

const HostOps *host_installed(void)
{
    return installed;
}
