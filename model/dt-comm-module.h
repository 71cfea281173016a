/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_COMM_MODULE_H
#define DT_COMM_MODULE_H

#include "dt-address-book.h"
#include "dt-message.h"

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <set>
#include <vector>

namespace ns3
{

class Node;
class Packet;
class Socket;

/**
 * \ingroup multilayer-dt
 * The communication module of a DT: real sockets carrying DT protocol messages.
 *
 * - Messages up to MaxDatagramBytes travel as UDP datagrams. Those sent
 *   reliably carry DtHeader::FLAG_ACK_REQUESTED; the receiver answers with an
 *   ACK message and drops duplicates; the sender retransmits after a timeout
 *   derived from the measured round-trip time (RFC 6298 style, Karn's rule)
 *   and reports a failure after MaxRetransmissions.
 * - Larger messages (demand inputs and results, migration state, models) go
 *   over a TCP connection per destination, framed by the DtHeader's payload
 *   length; TCP does the retransmission. Reliable ones are acknowledged by
 *   the receiving DT too, and reported failed if no ACK comes within
 *   TcpAckTimeout or the connection fails (whichever first, once).
 * - Every received datagram or framed message is validated with
 *   DtMessage::Parse; malformed input is counted, traced and dropped (a
 *   malformed TCP frame header closes that connection, whose stream can no
 *   longer be trusted).
 */
class DtCommModule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtCommModule();
    ~DtCommModule() override;

    /// Called with every well-formed message addressed to this DT, and the
    /// IPv4 address it came from.
    typedef Callback<void, const DtMessage&, Ipv4Address> ReceiveCallback;
    /// Called when a reliable message could not be delivered: destination and header.
    typedef Callback<void, uint32_t, const DtHeader&> FailureCallback;
    /// Called with every well-formed datagram addressed to another DT: the
    /// message, its header and the address it came from.
    typedef Callback<void, Ptr<const Packet>, const DtHeader&, Ipv4Address> ForwardCallback;

    /**
     * \param node the node the DT runs on
     * \param dtId this DT's id
     * \param book where the other DTs are
     */
    void Setup(Ptr<Node> node, uint32_t dtId, Ptr<DtAddressBook> book);

    /** Open the UDP socket and the TCP listener. */
    void Start();

    /** Close every socket and cancel every timer; pending messages are dropped silently. */
    void Stop();

    /** \param cb called with every well-formed message received */
    void SetReceiveCallback(ReceiveCallback cb);

    /** \param cb called for every reliable message that could not be delivered */
    void SetFailureCallback(FailureCallback cb);

    /**
     * \param cb called with every well-formed datagram addressed to another
     *        DT (without it, such datagrams are ignored)
     */
    void SetForwardCallback(ForwardCallback cb);

    /**
     * Send another DT's datagram on towards its destination, unchanged but
     * for the DtHeader's FLAG_RELAYED (a relay, e.g. the edge DT of a
     * terminal's cell passing its synchronization on to its twin's host).
     * \param message the whole message (DtHeader and payload)
     * \param address where its destination DT listens
     */
    void Forward(Ptr<const Packet> message, Ipv4Address address);

    /**
     * Send a message.
     * \param dst destination DT id (must be in the address book)
     * \param payload the payload
     * \param reliable retransmit until acknowledged (UDP) or rely on TCP
     * \param flags extra DtHeader flags (e.g. FLAG_RELAYED)
     * \return the sequence number given to the message
     */
    uint32_t Send(uint32_t dst, const DtPayload& payload, bool reliable, uint16_t flags = 0);

    /**
     * Send a message to a DT at an explicit address (e.g. a peer met over an
     * ad hoc network), bypassing the address book.
     * \param address where the DT listens
     * \param dst destination DT id
     * \param payload the payload
     * \param reliable retransmit until acknowledged (UDP) or rely on TCP
     * \param flags extra DtHeader flags
     * \return the sequence number given to the message
     */
    uint32_t SendTo(Ipv4Address address,
                    uint32_t dst,
                    const DtPayload& payload,
                    bool reliable,
                    uint16_t flags = 0);

    /**
     * Broadcast an unreliable datagram (destination DtHeader::BROADCAST_ID).
     * \param broadcast a subnet broadcast address
     * \param payload the payload (must fit in one datagram)
     */
    void Broadcast(Ipv4Address broadcast, const DtPayload& payload);

    /**
     * \param dst a DT id
     * \return the smoothed round-trip time to it, or InitialRtt if not measured yet
     */
    Time GetRtt(uint32_t dst) const;

    /** \return this DT's id */
    uint32_t GetDtId() const;

    /** \return malformed datagrams or frames dropped so far */
    uint64_t GetMalformedDropped() const;

    /**
     * TracedCallback signature for messages sent or received.
     * \param header the DT header
     * \param bytes the whole message size (header + payload)
     * \param bulkBytes the opaque data part of it (demand input/output)
     */
    typedef void (*MessageTracedCallback)(const DtHeader& header,
                                          uint32_t bytes,
                                          uint32_t bulkBytes);

    /**
     * TracedCallback signature for malformed input.
     * \param packet the bytes dropped
     * \param error why
     */
    typedef void (*MalformedTracedCallback)(Ptr<const Packet> packet, DtParseError error);

    /**
     * TracedCallback signature for reliable messages that could not be delivered.
     * \param header the message's header
     */
    typedef void (*SendFailedTracedCallback)(const DtHeader& header);

    /**
     * TracedCallback signature for what is handed to a socket.
     * \param to the destination address (the DT port)
     * \param bytes the message size
     * \param overTcp true over the TCP connection to that DT, false as a UDP datagram
     */
    typedef void (*SocketTxTracedCallback)(Ipv4Address to, uint32_t bytes, bool overTcp);

    /**
     * Read and drop everything a socket has received (a receive callback for
     * sockets whose data nobody wants, e.g. those of a stopped module).
     * \param socket the socket
     */
    static void Discard(Ptr<Socket> socket);

  protected:
    void DoDispose() override;

  private:
    /**
     * The message being received on an accepted TCP connection. Its header and
     * structured part are kept as bytes; its bulk data (demand input or
     * result, zeros on the wire) is only counted, and the delivered message
     * carries it as an ns-3 zero area, so no memory is spent on it.
     */
    struct RxStream
    {
        Ipv4Address sender;          //!< the peer
        std::vector<uint8_t> prefix; //!< header and structured part received so far
        uint32_t whole{0};           //!< message size (0: header not complete yet)
        uint32_t structured{0};      //!< bytes kept: header + structured part
        uint32_t received{0};        //!< bytes of the message received so far
        uint64_t accepted{0};        //!< order of acceptance (not the socket's address)
    };

    /// A reliable datagram waiting for its ACK.
    struct PendingDatagram
    {
        Ptr<Packet> packet;  //!< the message as first sent
        uint32_t dst;        //!< destination DT
        Ipv4Address address; //!< where it is sent
        DtHeader header;     //!< its header
        uint32_t bulk;       //!< its bulk bytes
        uint32_t retries;    //!< retransmissions so far
        bool overTcp;        //!< sent over TCP: no retransmission, fail on timeout
        Time firstSent;      //!< time of the first transmission
        EventId timer;       //!< retransmission timer
    };

    /// An outgoing TCP connection and its queue.
    struct TcpPeer
    {
        Ptr<Socket> socket;            //!< the connection
        bool connected{false};         //!< handshake done
        std::deque<Ptr<Packet>> queue; //!< whole messages waiting
        std::deque<DtHeader> headers;  //!< their headers (for failure reports)
        uint32_t offset{0};            //!< bytes of queue.front() already sent
    };

    /// RTT estimator state per destination.
    struct RttState
    {
        Time srtt;   //!< smoothed RTT
        Time rttvar; //!< RTT variation
    };

    void HandleUdpRead(Ptr<Socket> socket);                       //!< UDP receive
    bool HandleAccept(Ptr<Socket> socket, const Address& from);   //!< TCP accept request
    void HandleAccepted(Ptr<Socket> socket, const Address& from); //!< TCP accepted
    void HandleTcpRead(Ptr<Socket> socket);                       //!< TCP receive
    void HandleTcpClosed(Ptr<Socket> socket);                     //!< TCP rx closed
    void HandleConnected(uint32_t dst, Ptr<Socket> socket);       //!< TCP connected
    void HandleConnectFailed(uint32_t dst, Ptr<Socket> socket);   //!< TCP failed
    void HandleSendSpace(uint32_t dst, Ptr<Socket> socket, uint32_t available); //!< TCP space
    void FlushTcp(uint32_t dst);    //!< push queued bytes
    void FailTcpPeer(uint32_t dst); //!< report and drop a peer
    /**
     * Parse and deliver one received message.
     * \param packet the message bytes
     * \param from the sender's address
     */
    void Deliver(Ptr<Packet> packet, Ipv4Address from);
    /**
     * Count and trace a malformed message.
     * \param packet the bytes
     * \param error why
     */
    void DropMalformed(Ptr<const Packet> packet, DtParseError error);
    /**
     * Send an already built message over UDP.
     * \param address destination address
     * \param packet the message
     */
    void SendDatagram(Ipv4Address address, Ptr<Packet> packet);
    /**
     * A reliable datagram was not acknowledged in time.
     * \param seq its sequence number
     */
    void Retransmit(uint32_t seq);
    /**
     * \param dst destination DT
     * \return the current retransmission timeout towards it
     */
    Time GetRto(uint32_t dst) const;
    /**
     * Feed an RTT sample.
     * \param dst destination DT
     * \param sample measured round trip
     */
    void UpdateRtt(uint32_t dst, Time sample);
    /**
     * \param src source DT
     * \param seq sequence number
     * \return true if this reliable message was already delivered
     */
    bool IsDuplicate(uint32_t src, uint32_t seq);

    Ptr<Node> m_node;                                     //!< our node
    uint32_t m_dtId{0};                                   //!< our DT id
    Ptr<DtAddressBook> m_book;                            //!< peers
    uint16_t m_port;                                      //!< UDP and TCP port
    uint8_t m_datagramTos;                                //!< IP TOS of the UDP datagrams
    uint32_t m_maxDatagram;                               //!< UDP size limit
    Time m_initialRtt;                                    //!< RTT before measurement
    Time m_minRto;                                        //!< lower bound of the RTO
    uint32_t m_maxRetransmissions;                        //!< retries of a datagram
    Time m_tcpAckTimeout;                                 //!< ACK timeout of messages sent over TCP
    uint32_t m_dedupWindow;                               //!< remembered sequences per source
    Ptr<Socket> m_udp;                                    //!< datagram socket
    Ptr<Socket> m_listener;                               //!< TCP listener
    std::map<Ptr<Socket>, RxStream> m_rxStreams;          //!< accepted connections
    uint64_t m_accepted{0};                               //!< connections accepted so far
    std::map<uint32_t, TcpPeer> m_tcpPeers;               //!< outgoing connections by DT
    std::map<uint32_t, PendingDatagram> m_pending;        //!< unacknowledged, by sequence
    std::map<uint32_t, RttState> m_rtt;                   //!< RTT estimates by DT
    std::map<uint32_t, std::set<uint32_t>> m_seen;        //!< delivered reliable seqs by source
    std::map<uint32_t, std::deque<uint32_t>> m_seenOrder; //!< their arrival order
    uint32_t m_nextSeq{0};                                //!< next sequence number
    uint64_t m_malformed{0};                              //!< malformed input dropped
    bool m_running{false};                                //!< between Start and Stop
    ReceiveCallback m_receive;                            //!< upper layer
    FailureCallback m_failure;                            //!< upper layer
    ForwardCallback m_forward;                            //!< relay of other DTs' datagrams

    TracedCallback<const DtHeader&, uint32_t, uint32_t> m_txTrace;    //!< message sent
    TracedCallback<const DtHeader&, uint32_t, uint32_t> m_rxTrace;    //!< message received
    TracedCallback<Ptr<const Packet>, DtParseError> m_malformedTrace; //!< malformed dropped
    TracedCallback<const DtHeader&> m_failTrace;                      //!< reliable send failed
    TracedCallback<Ipv4Address, uint32_t, bool> m_socketTxTrace;      //!< bytes to a socket
};

} // namespace ns3

#endif /* DT_COMM_MODULE_H */
