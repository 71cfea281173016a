/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_NS3_VERSION_H
#define DT_NS3_VERSION_H

/**
 * \file
 * \ingroup multilayer-dt
 * The one place where differences between ns-3 releases are handled.
 *
 * The module is developed against ns-3.37 (Debian bookworm's libns3-dev) and
 * builds in-tree in newer releases. Code that needs a release-specific API
 * tests MLDT_NS3_AT_LEAST (major, minor) instead of testing the version
 * macros itself.
 */

#if defined(__has_include)
#    if __has_include("ns3/version-defines.h")
#        include "ns3/version-defines.h"
#    endif
#endif

#ifndef NS3_VERSION_MAJOR
// Source trees configured without build-version support do not generate
// version-defines.h; the oldest supported release is assumed.
#    define NS3_VERSION_MAJOR        3
#    define NS3_VERSION_MINOR        36
#    define MLDT_NS3_VERSION_GUESSED 1
#endif

/// True when the ns-3 being built against is at least major.minor.
#define MLDT_NS3_AT_LEAST(major, minor) \
    (NS3_VERSION_MAJOR > (major) || (NS3_VERSION_MAJOR == (major) && NS3_VERSION_MINOR >= (minor)))

#endif /* DT_NS3_VERSION_H */
