/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-application.h"

#include "dt-ns3-version.h"

#include "ns3/abort.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtApplication");

NS_OBJECT_ENSURE_REGISTERED(DtApplication);

const char*
DtArchitectureName(DtArchitecture a)
{
    return a == DtArchitecture::CENTRALIZED ? "centralized" : "multilayer";
}

TypeId
DtApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtApplication")
            .SetParent<Application>()
            .SetGroupName("MultilayerDt")
            .AddAttribute("DtId",
                          "Identifier of this DT in the DT protocol (unique in a scenario).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&DtApplication::m_dtId),
                          MakeUintegerChecker<uint32_t>(0, 0xFFFFFFFE))
            .AddAttribute("Architecture",
                          "MultiLayer: every layer runs a DT. Centralized: the cloud DT holds "
                          "every twin and serves every demand; edges and terminals only relay.",
                          EnumValue(DtArchitecture::MULTI_LAYER),
                          DtMakeEnumAccessor<DtArchitecture>(&DtApplication::m_architecture),
                          MakeEnumChecker(DtArchitecture::MULTI_LAYER,
                                          "MultiLayer",
                                          DtArchitecture::CENTRALIZED,
                                          "Centralized"))
            .AddAttribute("Comm",
                          "The communication module.",
                          PointerValue(),
                          MakePointerAccessor(&DtApplication::m_comm),
                          MakePointerChecker<DtCommModule>())
            .AddAttribute("Compute",
                          "The compute resource of this DT's node.",
                          PointerValue(),
                          MakePointerAccessor(&DtApplication::m_compute),
                          MakePointerChecker<ComputeResource>())
            .AddTraceSource("Failure",
                            "The DT failed (true) or recovered (false).",
                            MakeTraceSourceAccessor(&DtApplication::m_failureTrace),
                            "ns3::DtApplication::FailureTracedCallback");
    return tid;
}

DtApplication::DtApplication()
    : m_comm(CreateObject<DtCommModule>())
    , m_compute(CreateObject<ComputeResource>())
{
    NS_LOG_FUNCTION(this);
}

DtApplication::~DtApplication()
{
    NS_LOG_FUNCTION(this);
}

void
DtApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_comm)
    {
        m_comm->Dispose();
    }
    if (m_compute)
    {
        m_compute->Dispose();
    }
    m_comm = nullptr;
    m_compute = nullptr;
    m_book = nullptr;
    Application::DoDispose();
}

void
DtApplication::SetAddressBook(Ptr<DtAddressBook> book)
{
    m_book = book;
}

Ptr<DtAddressBook>
DtApplication::GetAddressBook() const
{
    return m_book;
}

uint32_t
DtApplication::GetDtId() const
{
    return m_dtId;
}

DtArchitecture
DtApplication::GetArchitecture() const
{
    return m_architecture;
}

Ptr<DtCommModule>
DtApplication::GetCommModule() const
{
    return m_comm;
}

Ptr<ComputeResource>
DtApplication::GetCompute() const
{
    return m_compute;
}

void
DtApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_book, "DT " << m_dtId << " has no address book (SetAddressBook)");
    m_comm->Setup(GetNode(), m_dtId, m_book);
    m_comm->SetReceiveCallback(MakeCallback(&DtApplication::HandleMessage, this));
    m_comm->SetFailureCallback(MakeCallback(&DtApplication::HandleSendFailure, this));
    m_comm->Start();
    m_running = true;
    DoStartDt();
}

void
DtApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (!m_running)
    {
        return;
    }
    m_running = false;
    DoStopDt();
    m_compute->Stop();
    m_comm->Stop();
}

void
DtApplication::DoFailDt()
{
}

void
DtApplication::Fail()
{
    NS_LOG_FUNCTION(this);
    if (!m_running || m_failed)
    {
        return;
    }
    NS_LOG_INFO("DT " << m_dtId << " failed");
    StopApplication();
    DoFailDt();
    m_failed = true;
    m_failureTrace(m_dtId, true);
}

void
DtApplication::Recover()
{
    NS_LOG_FUNCTION(this);
    if (!m_failed)
    {
        return;
    }
    NS_LOG_INFO("DT " << m_dtId << " recovered");
    m_failed = false;
    StartApplication();
    m_failureTrace(m_dtId, false);
}

bool
DtApplication::IsFailed() const
{
    return m_failed;
}

} // namespace ns3
