/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-handover-windows.h"

#include "ns3/simulator.h"

namespace ns3
{

void
DtHandoverWindows::Handover(
    uint32_t terminal, uint32_t fromCell, uint32_t toCell, uint32_t fromEdge, uint32_t toEdge)
{
    DtHandoverWindow w;
    w.terminal = terminal;
    w.at = Simulator::Now();
    w.fromCell = fromCell;
    w.toCell = toCell;
    w.fromEdge = fromEdge;
    w.toEdge = toEdge;
    w.served = Time(-1);
    m_open[terminal] = m_windows.size(); // an open one before it stays unserved
    m_windows.push_back(w);
}

void
DtHandoverWindows::SyncEnded(uint32_t terminal, bool ok, Time twinUpdated, Time generated)
{
    auto it = m_open.find(terminal);
    if (it == m_open.end())
    {
        return;
    }
    DtHandoverWindow& w = m_windows[it->second];
    if (ok && !generated.IsNegative() && generated >= w.at)
    {
        w.served = twinUpdated;
        m_open.erase(it);
    }
    else if (!ok)
    {
        ++w.failed;
    }
}

const std::vector<DtHandoverWindow>&
DtHandoverWindows::GetWindows() const
{
    return m_windows;
}

DtHandoverWindowSummary
DtHandoverWindows::Summarize(const std::vector<DtHandoverWindow>& windows)
{
    DtHandoverWindowSummary sum;
    double ms = 0;
    for (const auto& w : windows)
    {
        if (!w.served.IsNegative())
        {
            ++sum.served;
            ms += (w.served - w.at).GetSeconds() * 1e3;
            sum.failures += w.failed;
        }
    }
    if (sum.served)
    {
        sum.meanMs = ms / sum.served;
    }
    return sum;
}

} // namespace ns3
