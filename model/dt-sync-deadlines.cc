/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-sync-deadlines.h"

#include "ns3/simulator.h"

namespace ns3
{

DtSyncDeadlines::~DtSyncDeadlines()
{
    Clear();
}

void
DtSyncDeadlines::Track(const DtSyncRequestHeader& req, std::function<void()> expired)
{
    const Key key{req.GetTerminal(), req.GetSyncId()};
    const Time left = req.GetDeadline() - Simulator::Now();
    auto old = m_open.find(key);
    if (old != m_open.end())
    {
        old->second.Cancel(); // a duplicate: its deadline is the same
    }
    m_open[key] = Simulator::Schedule(left.IsNegative() ? Time(0) : left,
                                      [this, key, expired]()
                                      {
                                          m_open.erase(key);
                                          expired();
                                      });
}

bool
DtSyncDeadlines::Take(const DtSyncRequestHeader& req)
{
    auto it = m_open.find({req.GetTerminal(), req.GetSyncId()});
    if (it == m_open.end())
    {
        return false;
    }
    it->second.Cancel();
    m_open.erase(it);
    return true;
}

void
DtSyncDeadlines::Clear()
{
    for (auto& [key, event] : m_open)
    {
        event.Cancel();
    }
    m_open.clear();
}

} // namespace ns3
