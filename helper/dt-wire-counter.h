/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_WIRE_COUNTER_H
#define DT_WIRE_COUNTER_H

#include "ns3/dt-address-book.h"
#include "ns3/ipv4-address.h"
#include "ns3/lte-common.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/wifi-ppdu.h"
#include "ns3/wifi-tx-vector.h"

#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace ns3
{

class Ipv4;
class LteEnbRrc;
class LteUeNetDevice;
class Packet;

/**
 * \ingroup multilayer-dt
 * Counts everything the DT exchange puts on the links: every frame that
 * carries a DT datagram or a segment of a DT TCP connection, on every link
 * it crosses, at its full size with the transport, IP and link-layer
 * headers; the link-layer acknowledgements answering such frames;
 * retransmissions at every layer (each transmission is a frame).
 *
 * A frame is the DT's when its UDP or TCP port is a DT port (inside a
 * GTP-U tunnel too). A datagram counts for the layer of the DT that sent
 * it (its IP source). A DT sends over TCP on connections it opens and only
 * receives on those it accepts, so every segment of a connection, the
 * acknowledgements coming back included, counts for the layer of the DT
 * that opened it (the end whose port is not the DT port).
 *
 * Where the frames are seen, by the kind of device (every device of every
 * node, connected when the simulation starts):
 * - point-to-point: each frame as it starts on the link (PPP header included);
 *   counted as *wired*;
 * - Wi-Fi: each PSDU as the PHY starts sending it (MAC header, FCS, A-MPDU
 *   delimiters and padding; retransmissions are PSDUs too); an Ack, Block
 *   Ack or CTS counts like the last data PSDU it answers, a Block Ack
 *   Request or RTS like the last data PSDU its sender sent to that receiver;
 *   counted as *radio*;
 * - LTE: the RLC PDUs of a terminal's data radio bearers, each way (PDCP
 *   and RLC headers, RLC retransmissions and status reports included),
 *   times the terminal's HARQ factor in that direction (bytes of all its
 *   transport blocks over those of the new ones), shared out among the
 *   layers in proportion to the IP bytes of each on that radio link in
 *   that direction; counted as *radio*. MAC subheaders (2-3 bytes per RLC
 *   PDU) are not counted; the rest of the transport blocks (padding, MAC
 *   control elements, other traffic) is counted apart as not attributed.
 *
 * Not counted: beacons, (re)association, Block Ack agreement set-up and
 * other management frames, LTE control channels and reference signals,
 * PHY preambles (time, not bytes).
 */
class DtWireCounter : public Object
{
  public:
    /// Where a frame went.
    enum Medium : uint8_t
    {
        RADIO = 0, //!< a Wi-Fi or LTE radio link
        WIRED = 1, //!< a point-to-point link
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    DtWireCounter();

    /**
     * Frames to and from this node's IP addresses belong to a DT of this layer.
     * \param node a node a DT runs on
     * \param layer the DT's layer
     */
    void AddNode(Ptr<Node> node, DtLayer layer);
    /**
     * A port the DTs listen on (UDP and TCP).
     * \param port the port
     */
    void AddPort(uint16_t port);
    /**
     * Connect to every device of every node that exists now (unless the
     * counter is disabled). Called once, when the simulation starts;
     * calling it again does nothing.
     */
    void Start();

    /**
     * \param layer the DT layer
     * \param medium radio or wired links
     * \return bytes of that layer's frames on those links
     */
    uint64_t GetBytes(DtLayer layer, Medium medium) const;
    /**
     * \param layer the DT layer
     * \return the demand data (DtBulkTag bytes) inside that layer's frames,
     *         on every link (an LTE block's share as for GetBytes); the rest
     *         of the frames is signaling
     */
    uint64_t GetDataBytes(DtLayer layer) const;
    /**
     * \param layer the DT layer
     * \return the transport payload (DT message bytes) inside those frames,
     *         counted on every link like them (retransmissions included)
     */
    uint64_t GetPayloadBytes(DtLayer layer) const;
    /**
     * \param layer the DT layer
     * \return frames of that layer (LTE transport blocks excluded: they are shared)
     */
    uint64_t GetFrames(DtLayer layer) const;
    /**
     * \return LTE radio bytes not attributed to a DT layer (other traffic,
     *         grants with no IP packet, blocks to a terminal not found)
     */
    uint64_t GetUnattributedRadioBytes() const;
    /** \return whether the counter connected to the devices */
    bool IsStarted() const;

    /**
     * TracedCallback signature of a counted frame.
     * \param layer the DT layer (DtLayer)
     * \param medium DtWireCounter::Medium
     * \param bytes its size
     */
    typedef void (*FrameTracedCallback)(uint8_t layer, uint8_t medium, uint32_t bytes);

  protected:
    void DoDispose() override;

  private:
    /// What a frame carried.
    struct Seen
    {
        bool dt{false};      //!< a DT datagram or segment
        int layer{-1};       //!< its layer (-1: neither end is a DT)
        uint32_t payload{0}; //!< transport payload bytes
    };

    /// One LTE terminal: what its radio link carried.
    struct LteTerminal
    {
        Ptr<LteUeNetDevice> device;          //!< its LTE device
        int32_t interface = -1;              //!< its IPv4 interface on that device
        std::array<uint64_t, 2> rlc{};       //!< RLC PDU bytes, up and down
        std::array<uint64_t, 2> blocks{};    //!< transport block bytes, up and down
        std::array<uint64_t, 2> newBlocks{}; //!< of which first transmissions
        std::array<std::array<uint64_t, 4>, 2>
            ip{}; //!< IP bytes, up and down, by layer ([3]: not the DT's)
        std::array<std::array<uint64_t, 4>, 2> data{};    //!< demand data in them, likewise
        std::array<std::array<uint64_t, 4>, 2> payload{}; //!< transport payload in them, likewise

        /**
         * \param d 0 up, 1 down
         * \return bytes of all its transport blocks that way over those of the
         *         first transmissions (1 without blocks)
         */
        double Harq(std::size_t d) const;
    };

    /// Bytes at a frame's start that hold every header Classify reads: an
    /// LLC/SNAP header, IPv4 with options, UDP, GTP-U, the inner IPv4 with
    /// options and the start of the inner TCP or UDP header.
    static constexpr uint32_t HEADER_BYTES = 8 + 60 + 8 + 12 + 60 + 20;

    /**
     * Classify the IPv4 packet a frame carries behind its link header, from
     * a copy of the frame's first bytes (no copy of the packet, no header
     * objects: this runs for every frame).
     * \param frame the frame
     * \param linkHeader the size of its link header (0: it starts with IPv4)
     * \param ipv4 what the link header's last two bytes read for IPv4
     * \return what it carries
     */
    Seen Classify(Ptr<const Packet> frame, uint32_t linkHeader, uint16_t ipv4);
    /**
     * \param bytes an IPv4 packet's first bytes
     * \param available how many there are
     * \param size the packet's size
     * \return what it carries
     */
    Seen ClassifyIpv4(const uint8_t* bytes, uint32_t available, uint32_t size);
    /**
     * \param address an IPv4 address (host order)
     * \return the layer of the DT there, -1 if none
     */
    int LayerOf(uint32_t address) const;
    /**
     * Count a frame.
     * \param s what it carried
     * \param medium where
     * \param bytes its size
     * \param data demand data bytes in it
     */
    void Count(const Seen& s, Medium medium, uint32_t bytes, uint32_t data);
    /**
     * Share out a Wi-Fi PSDU's size among the layers by weight and count it.
     * \param size the PSDU's size
     * \param weight bytes of each layer in it, and [3] those not the DT's
     * \param payload transport payload of each layer in it
     * \param data demand data of each layer in it
     */
    void CountShares(uint32_t size,
                     const std::array<uint32_t, 4>& weight,
                     const std::array<uint32_t, 3>& payload,
                     const std::array<uint32_t, 3>& data);
    /**
     * \param layer a layer
     * \return LTE radio bytes of that layer: over the terminals and both
     *         directions, the RLC PDU bytes times the layer's share of the IP
     *         bytes, times the HARQ factor
     */
    uint64_t LteRadio(std::size_t layer) const;
    /**
     * \param part LteTerminal::data or ::payload
     * \param layer a layer
     * \return those bytes of the layer over the terminals and both
     *         directions, each times the terminal's HARQ factor that way
     */
    uint64_t LteInside(const std::array<std::array<uint64_t, 4>, 2> LteTerminal::*part,
                       std::size_t layer) const;
    /**
     * A point-to-point frame starts.
     * \param packet the frame (PPP header first)
     */
    void PointToPointTx(Ptr<const Packet> packet);
    /**
     * A Wi-Fi PHY starts sending.
     * \param self the sending device's address
     * \param psdus the PSDUs
     * \param txVector their TXVECTOR
     * \param txPowerW transmit power
     */
    void WifiTx(Mac48Address self, WifiConstPsduMap psdus, WifiTxVector txVector, double txPowerW);
    /**
     * A terminal got an uplink grant (one transport block).
     * \param terminal its index in m_lte
     * \param params the block
     */
    void LteUplink(std::size_t terminal, PhyTransmissionStatParameters params);
    /**
     * A cell sent a downlink transport block.
     * \param params the block
     */
    void LteDownlink(PhyTransmissionStatParameters params);
    /**
     * Connect to the RLC entity of a data radio bearer just created.
     * \param owner a terminal's LteUeRrc or a cell's UeManager
     * \param idAttribute the bearer's attribute that identifies it
     *        ("DrbIdentity" at a terminal, "logicalChannelIdentity" at a cell)
     * \param id its value
     * \param terminal the terminal's index in m_lte
     * \param direction 0: the terminal's (uplink), 1: a cell's (downlink)
     */
    void ConnectRlc(Ptr<Object> owner,
                    const std::string& idAttribute,
                    uint8_t id,
                    std::size_t terminal,
                    std::size_t direction);
    /**
     * A terminal created a data radio bearer.
     * \param terminal its index in m_lte
     * \param imsi its IMSI
     * \param cellId the cell
     * \param rnti its RNTI
     * \param drb the bearer
     */
    void LteUeBearer(
        std::size_t terminal, uint64_t imsi, uint16_t cellId, uint16_t rnti, uint8_t drb);
    /**
     * A cell created a terminal's context.
     * \param rrc the cell's RRC
     * \param cellId the cell
     * \param rnti the terminal's RNTI
     */
    void LteNewUeContext(LteEnbRrc* rrc, uint16_t cellId, uint16_t rnti);
    /**
     * A cell created a data radio bearer of a terminal.
     * \param rrc the cell's RRC
     * \param imsi the terminal's IMSI
     * \param cellId the cell
     * \param rnti the terminal's RNTI
     * \param lcid the logical channel
     */
    void LteEnbBearer(LteEnbRrc* rrc, uint64_t imsi, uint16_t cellId, uint16_t rnti, uint8_t lcid);
    /**
     * An RLC entity of a terminal's bearer (at the terminal or its cell)
     * handed a PDU to the MAC.
     * \param terminal the terminal's index in m_lte
     * \param direction 0 up (the terminal's entity), 1 down (the cell's)
     * \param rnti the terminal's RNTI
     * \param lcid the logical channel
     * \param bytes the PDU's size
     */
    void LteRlcTx(
        std::size_t terminal, std::size_t direction, uint16_t rnti, uint8_t lcid, uint32_t bytes);
    /**
     * An IPv4 packet went up or came down a terminal's interface.
     * \param terminal its index in m_lte
     * \param direction 0 up, 1 down
     * \param packet the packet (IPv4 header first)
     * \param ipv4 the stack
     * \param interface the interface
     */
    void LteIp(std::size_t terminal,
               std::size_t direction,
               Ptr<const Packet> packet,
               Ptr<Ipv4> ipv4,
               uint32_t interface);
    /**
     * \param cellId a cell
     * \param rnti a terminal's RNTI there
     * \return the terminal's index in m_lte, or m_lte.size() if none
     */
    std::size_t FindLteTerminal(uint16_t cellId, uint16_t rnti);

    bool m_enabled;                                   //!< connect at Start
    bool m_started{false};                            //!< Start ran
    std::map<uint32_t, DtLayer> m_nodes;              //!< node id -> layer of its DT
    std::map<uint32_t, int> m_addresses;              //!< IPv4 address -> layer (built at Start)
    std::set<uint16_t> m_ports;                       //!< DT ports
    std::array<std::array<uint64_t, 2>, 3> m_bytes{}; //!< by layer, by medium
    std::array<uint64_t, 3> m_payload{};              //!< by layer
    std::array<uint64_t, 3> m_data{};                 //!< demand data, by layer (LTE apart)
    std::array<uint64_t, 3> m_frames{};               //!< by layer
    /// An IP fragment train: source, destination, protocol, identification
    using FragmentKey = std::tuple<uint32_t, uint32_t, uint8_t, uint16_t>;
    std::map<FragmentKey, Seen> m_fragments; //!< what each train's first fragment carried
    /// Wi-Fi: (transmitter, receiver) -> bytes of each layer (and [3]: not the DT's) in the
    /// last PSDU between them
    std::map<std::pair<Mac48Address, Mac48Address>, std::array<uint32_t, 4>> m_lastPsdu;
    std::map<uint64_t, std::size_t> m_imsi;                      //!< IMSI -> index in m_lte
    std::vector<LteTerminal> m_lte;                              //!< LTE terminals
    std::map<std::pair<uint16_t, uint16_t>, std::size_t> m_rnti; //!< (cell, RNTI) -> terminal
    uint64_t m_unattributed{0};                              //!< downlink blocks to nobody known
    TracedCallback<uint8_t, uint8_t, uint32_t> m_frameTrace; //!< frame counted
};

} // namespace ns3

#endif /* DT_WIRE_COUNTER_H */
