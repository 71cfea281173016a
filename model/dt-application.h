/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_APPLICATION_H
#define DT_APPLICATION_H

#include "compute-resource.h"
#include "dt-address-book.h"
#include "dt-comm-module.h"

#include "ns3/application.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \defgroup multilayer-dt Multi-layer digital twins
 *
 * A multi-layer digital twin (DT) system for mobile networks: a local DT on
 * every terminal (LocalDtApplication), an edge DT on every edge server
 * (EdgeDtApplication) and a cloud DT (CloudDtApplication), each an
 * Application with a data, a service and a communication module, exchanging
 * the DT protocol's messages (DtHeader and its payloads) over any IPv4
 * network. DtSystemHelper installs them on the user's nodes;
 * MultiLayerDtHelper builds the built-in scenarios. Choices a study varies
 * are objects chosen by attribute (DtPlacementPolicy). See
 * doc/multilayer-dt.rst.
 */

/**
 * \ingroup multilayer-dt
 * Which DT architecture a scenario runs.
 */
enum DtArchitecture : uint8_t
{
    MULTI_LAYER = 0, //!< local, edge and cloud DTs, each deciding at its layer
    CENTRALIZED = 1, //!< one cloud DT holds every twin; the others only relay
};

/**
 * \ingroup multilayer-dt
 * \param a an architecture
 * \return "multilayer" or "centralized"
 */
const char* DtArchitectureName(DtArchitecture a);

/**
 * \ingroup multilayer-dt
 * What the local, edge and cloud DT applications share: a DT id, the
 * architecture, a communication module, a compute resource and the address
 * book of the scenario.
 */
class DtApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtApplication();
    ~DtApplication() override;

    /** \param book where every DT of the scenario can be reached */
    void SetAddressBook(Ptr<DtAddressBook> book);
    /** \return the address book */
    Ptr<DtAddressBook> GetAddressBook() const;
    /** \return this DT's id */
    uint32_t GetDtId() const;
    /** \return the architecture */
    DtArchitecture GetArchitecture() const;
    /** \return the communication module */
    Ptr<DtCommModule> GetCommModule() const;
    /** \return the compute resource */
    Ptr<ComputeResource> GetCompute() const;
    /** \return the layer of this DT */
    virtual DtLayer GetLayer() const = 0;

    /**
     * Crash this DT, as its server failing would: timers stop, sockets
     * close, queued and running jobs and the DT's volatile state are lost.
     * Nothing is sent. Does nothing if it already failed or is not running.
     */
    void Fail();
    /**
     * Restart a failed DT with empty volatile state (as after a reboot).
     * Does nothing unless it failed.
     */
    void Recover();
    /** \return true between Fail() and Recover() */
    bool IsFailed() const;

    /**
     * TracedCallback signature of a failure or recovery.
     * \param dtId this DT's id
     * \param failed true when it failed, false when it recovered
     */
    typedef void (*FailureTracedCallback)(uint32_t dtId, bool failed);

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    /** Called after the comm module started; start timers here. */
    virtual void DoStartDt() = 0;
    /** Called before the comm module stops; finalize state here. */
    virtual void DoStopDt() = 0;
    /** Called by Fail() after DoStopDt(): drop the volatile state (default: nothing). */
    virtual void DoFailDt();
    /**
     * A well-formed message for this DT arrived.
     * \param msg the message
     * \param from the address it came from
     */
    virtual void HandleMessage(const DtMessage& msg, Ipv4Address from) = 0;
    /**
     * A reliable message could not be delivered.
     * \param dst its destination
     * \param header its header
     */
    virtual void HandleSendFailure(uint32_t dst, const DtHeader& header) = 0;

    Ptr<DtCommModule> m_comm;                      //!< communication module
    Ptr<ComputeResource> m_compute;                //!< compute resource
    Ptr<DtAddressBook> m_book;                     //!< scenario address book
    uint32_t m_dtId;                               //!< this DT's id
    DtArchitecture m_architecture;                 //!< architecture
    bool m_running{false};                         //!< between start and stop
    bool m_failed{false};                          //!< between Fail() and Recover()
    TracedCallback<uint32_t, bool> m_failureTrace; //!< trace: failed / recovered
};

/**
 * \ingroup multilayer-dt
 * A DtApplication composed of a data module and a service module (created
 * with the application, disposed with it).
 *
 * \tparam Data the data module class
 * \tparam Service the service module class
 */
template <class Data, class Service>
class DtModularApplication : public DtApplication
{
  public:
    /** \return the data module */
    Ptr<Data> GetDataModule() const
    {
        return m_data;
    }

    /** \return the service module */
    Ptr<Service> GetServiceModule() const
    {
        return m_service;
    }

  protected:
    DtModularApplication()
        : m_data(CreateObject<Data>())
        , m_service(CreateObject<Service>())
    {
    }

    void DoDispose() override
    {
        if (m_data)
        {
            m_data->Dispose();
        }
        if (m_service)
        {
            m_service->Dispose();
        }
        m_data = nullptr;
        m_service = nullptr;
        DtApplication::DoDispose();
    }

    Ptr<Data> m_data;       //!< data module
    Ptr<Service> m_service; //!< service module
};

} // namespace ns3

#endif /* DT_APPLICATION_H */
