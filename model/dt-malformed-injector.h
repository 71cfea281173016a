/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_MALFORMED_INJECTOR_H
#define DT_MALFORMED_INJECTOR_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

class Packet;
class Socket;

/**
 * \ingroup multilayer-dt
 * Kinds of damage a DtMalformedInjector applies, in the order it cycles through them.
 */
enum class DtMalformedKind : uint8_t
{
    TRUNCATED = 0,     //!< a valid message cut in the middle of its payload
    CORRUPTED = 1,     //!< a payload field out of its range (the demand's tier)
    WRONG_VERSION = 2, //!< an unsupported protocol version
    UNKNOWN_TYPE = 3,  //!< an undefined message type
    OVERSIZED = 4,     //!< a declared payload length above the protocol limit, 4 KiB sent
};

/// Number of DtMalformedKind values.
constexpr uint32_t DT_MALFORMED_KIND_COUNT = 5;

/**
 * \ingroup multilayer-dt
 * \param kind a kind of damage
 * \return its lower-case name, e.g. "wrong-version"
 */
const char* DtMalformedKindName(DtMalformedKind kind);

/**
 * \ingroup multilayer-dt
 * Sends malformed DT datagrams over UDP to a set of DTs, one every Interval,
 * going round the targets and, per target, round the kinds of damage.
 *
 * Every datagram is derived from a valid DEMAND_REQUEST addressed to the
 * target's DT id, so a receiver must reject it by validating; none of them
 * can parse as a valid message. Used to check that receivers count and drop
 * bad packets without losing or corrupting anything (sent to the DT port), and
 * as the control of that check (sent to a port no DT listens on).
 */
class DtMalformedInjector : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtMalformedInjector();
    ~DtMalformedInjector() override;

    /**
     * Add a DT to send to.
     * \param address its IPv4 address
     * \param dtId its DT id (the destination written in the header)
     */
    void AddTarget(Ipv4Address address, uint32_t dtId);

    /** \return datagrams sent so far */
    uint64_t GetSent() const;

    /**
     * Build the datagram of one kind of damage.
     * \param kind the damage
     * \param source the DT id written as source
     * \param destination the DT id written as destination
     * \return the datagram
     */
    static Ptr<Packet> MakeMalformed(DtMalformedKind kind, uint32_t source, uint32_t destination);

    /**
     * TracedCallback signature of a malformed datagram sent.
     * \param packet the datagram
     * \param to its destination address
     * \param kind the damage, a DtMalformedKind value
     */
    typedef void (*TxTracedCallback)(Ptr<const Packet> packet, Ipv4Address to, DtMalformedKind kind);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    /** Send the next datagram and schedule the one after. */
    void SendNext();

    /// A DT to send to.
    struct Target
    {
        Ipv4Address address; //!< its address
        uint32_t dtId;       //!< its DT id
    };

    Time m_interval;               //!< time between two datagrams
    uint16_t m_port;               //!< destination port
    uint32_t m_sourceId;           //!< DT id written as source
    std::vector<Target> m_targets; //!< where to send
    uint64_t m_next{0};            //!< datagrams sent, picks the next target and kind
    Ptr<Socket> m_socket;          //!< UDP socket
    EventId m_event;               //!< next send
    TracedCallback<Ptr<const Packet>, Ipv4Address, DtMalformedKind> m_txTrace; //!< Tx trace
};

} // namespace ns3

#endif /* DT_MALFORMED_INJECTOR_H */
