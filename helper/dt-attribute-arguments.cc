/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-attribute-arguments.h"

#include "ns3/global-value.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/type-id.h"

#include <map>
#include <regex>
#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtAttributeArguments");

/**
 * \param checker an attribute checker
 * \param text a value as text
 * \return true if the checker accepts it
 */
static bool
Accepts(Ptr<const AttributeChecker> checker, const std::string& text)
{
    // ns-3's parsers of these types abort on text they cannot read: check its form first.
    static const std::map<std::string, std::regex> forms{
        {"ns3::UintegerValue", std::regex(R"(\+?[0-9]+)")},
        {"ns3::IntegerValue", std::regex(R"([+-]?[0-9]+)")},
        {"ns3::DoubleValue", std::regex(R"([+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)")},
        {"ns3::TimeValue",
         std::regex(
             R"([+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?(s|ms|us|ns|ps|fs|min|h|d|y)?)")},
    };
    const std::string type = checker->GetValueTypeName();
    auto form = forms.find(type);
    if (form != forms.end() && !std::regex_match(text, form->second))
    {
        return false;
    }
    // An enum accepts one of its names ("A|B|C"); ns-3.48's parser asserts
    // on any other text (3.37's refuses it).
    if (type.rfind("ns3::EnumValue", 0) == 0)
    {
        const std::string names = "|" + checker->GetUnderlyingTypeInformation() + "|";
        if (text.empty() || text.find('|') != std::string::npos ||
            names.find("|" + text + "|") == std::string::npos)
        {
            return false;
        }
    }
    return checker->CreateValidValue(StringValue(text)) != nullptr;
}

std::string
DtCheckAttributeArguments(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0)
        {
            continue;
        }
        const std::size_t eq = arg.find('=');
        const std::string name =
            arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
        const std::size_t sep = name.rfind("::");
        if (sep != std::string::npos)
        {
            // An attribute's default: [ns3::]Type::Attribute.
            std::string type = name.substr(0, sep);
            const std::string attribute = name.substr(sep + 2);
            if (type.rfind("ns3::", 0) != 0)
            {
                type = "ns3::" + type;
            }
            TypeId tid;
            if (!TypeId::LookupByNameFailSafe(type, &tid))
            {
                return arg + ": no type " + type + " (see --PrintTypeIds)";
            }
            TypeId::AttributeInformation info;
            if (!tid.LookupAttributeByName(attribute, &info))
            {
                return arg + ": " + type + " has no attribute " + attribute
                       + " (see --PrintAttributes=" + type + ")";
            }
            if (eq == std::string::npos || !Accepts(info.checker, value))
            {
                return "--" + name + "=" + value + " is not a valid value (expected "
                       + info.checker->GetUnderlyingTypeInformation() + ")";
            }
            continue;
        }
        for (auto g = GlobalValue::Begin(); g != GlobalValue::End(); ++g)
        {
            if ((*g)->GetName() == name
                && (eq == std::string::npos || !Accepts((*g)->GetChecker(), value)))
            {
                return "--" + name + "=" + value + " is not a valid value (expected "
                       + (*g)->GetChecker()->GetUnderlyingTypeInformation() + ")";
            }
        }
    }
    return "";
}

bool
DtDefaultChanged(TypeId tid, const std::string& name)
{
    TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(name, &info) || !info.initialValue || !info.originalInitialValue)
    {
        return false;
    }
    return info.initialValue->SerializeToString(info.checker)
           != info.originalInitialValue->SerializeToString(info.checker);
}

} // namespace ns3
