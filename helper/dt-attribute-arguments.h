/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ATTRIBUTE_ARGUMENTS_H
#define DT_ATTRIBUTE_ARGUMENTS_H

#include "ns3/type-id.h"

#include <string>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Check the attribute and global-value arguments of a command line
 * ("--ns3::Type::Attribute=value", "--Type::Attribute=value",
 * "--GlobalName=value") before ns3::CommandLine applies them, so that a bad
 * one is reported with what was expected instead of a bare "Invalid
 * command-line argument".
 *
 * Arguments of other forms (the program's own options) are not looked at.
 *
 * \param argc argument count, as given to main
 * \param argv arguments, as given to main
 * \return "" if every such argument names an existing attribute (or global
 *         value) and holds a value its checker accepts; otherwise a message
 *         naming the first bad argument and the expected type and range
 */
std::string DtCheckAttributeArguments(int argc, char* argv[]);

/**
 * \ingroup multilayer-dt
 * \param tid a TypeId
 * \param name one of its attributes
 * \return true if Config::SetDefault (or the command line) changed the
 *         attribute's initial value
 */
bool DtDefaultChanged(TypeId tid, const std::string& name);

} // namespace ns3

#endif /* DT_ATTRIBUTE_ARGUMENTS_H */
