/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_TRAFFIC_REPLAY_APPLICATION_H
#define DT_TRAFFIC_REPLAY_APPLICATION_H

#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <vector>

namespace ns3
{

class Packet;
class Socket;
class Address;

/**
 * \ingroup multilayer-dt
 * Sends a recorded DT traffic pattern without any DT logic: the bare
 * baseline against which the DT layer's cost is measured.
 *
 * Each send is a time, a destination, a size and a transport, as recorded
 * from DtCommModule's SocketTx trace: a UDP datagram of that size, or that
 * many bytes on the TCP connection to that destination (one connection per
 * destination, as the DTs keep). Every node running one also listens on
 * Port (UDP and TCP) and discards what arrives, as a DT would receive it.
 */
class DtTrafficReplayApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtTrafficReplayApplication();
    ~DtTrafficReplayApplication() override;

    /**
     * Add a message to send.
     * \param at when (absolute simulation time; sends before the start are dropped)
     * \param to destination address (the packet goes to its Port)
     * \param bytes message size
     * \param overTcp true: on the TCP connection to that address; false: one UDP datagram
     */
    void AddSend(Time at, Ipv4Address to, uint32_t bytes, bool overTcp);

    /** \return messages added */
    uint32_t GetSendCount() const;
    /** \return bytes handed to sockets so far */
    uint64_t GetBytesSent() const;
    /** \return bytes received so far (UDP and TCP) */
    uint64_t GetBytesReceived() const;

    /**
     * TracedCallback signature for bytes sent or received.
     * \param bytes how many
     */
    typedef void (*BytesTracedCallback)(uint32_t bytes);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// One recorded send.
    struct Send
    {
        Time at;        //!< when
        Ipv4Address to; //!< destination
        uint32_t bytes; //!< size
        bool overTcp;   //!< transport
    };

    /// The TCP connection towards one destination.
    struct TcpPeer
    {
        Ptr<Socket> socket;    //!< the connection
        bool connected{false}; //!< connect succeeded
        uint64_t pending{0};   //!< bytes not yet taken by the socket
    };

    /** Send the next message and schedule the one after. */
    void SendNext();
    /**
     * Hand what is pending to a TCP connection, as far as its buffer allows.
     * \param to the destination
     */
    void FlushTcp(Ipv4Address to);
    /** \param socket a connection that was established */
    void HandleConnected(Ptr<Socket> socket);
    /** \param socket a connection that failed */
    void HandleConnectFailed(Ptr<Socket> socket);
    /**
     * \param socket a connection with buffer space
     * \param space bytes free
     */
    void HandleSendSpace(Ptr<Socket> socket, uint32_t space);
    /** \param socket a socket with data to read */
    void HandleRead(Ptr<Socket> socket);
    /**
     * \param socket the new connection
     * \param from its peer
     */
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    /**
     * \param socket a listening socket
     * \param from the peer
     * \return true: accept every connection
     */
    bool HandleConnectionRequest(Ptr<Socket> socket, const Address& from);
    /**
     * \param socket a socket
     * \return the destination of the TCP connection socket is
     */
    Ipv4Address PeerOf(Ptr<Socket> socket) const;

    uint16_t m_port;                           //!< DT port
    std::vector<Send> m_sends;                 //!< what to send, sorted at start
    std::size_t m_next{0};                     //!< next send
    EventId m_sendEvent;                       //!< the next send
    Ptr<Socket> m_udp;                         //!< UDP socket (sends and receives)
    Ptr<Socket> m_listener;                    //!< TCP listening socket
    std::map<Ipv4Address, TcpPeer> m_tcpPeers; //!< outgoing connections
    std::vector<Ptr<Socket>> m_accepted;       //!< incoming connections
    uint64_t m_bytesSent{0};                   //!< bytes handed to sockets
    uint64_t m_bytesReceived{0};               //!< bytes received
    TracedCallback<uint32_t> m_txTrace;        //!< bytes sent
    TracedCallback<uint32_t> m_rxTrace;        //!< bytes received
};

} // namespace ns3

#endif /* DT_TRAFFIC_REPLAY_APPLICATION_H */
