/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_NS3_VERSION_H
#define DT_NS3_VERSION_H

/**
 * \file
 * \ingroup multilayer-dt
 * The one place where differences between ns-3 releases are handled.
 *
 * The module builds against ns-3.37 (Debian bookworm's libns3-dev) and
 * in-tree in every release up to ns-3.48. The release comes from the build,
 * not from ns-3's headers: CMake defines MLDT_NS3_VERSION_MAJOR and
 * MLDT_NS3_VERSION_MINOR (from NS3_VER in-tree, from the installed ns-3's
 * package version standalone) on the library and on everything that links
 * it. ns-3 generates ns3/version-defines.h only when configured with
 * --enable-build-version, so it is read only where the definitions are
 * missing, and a build that has neither stops here with an error instead of
 * guessing.
 *
 * Each difference is one small shim below, named after what it does, so
 * that call sites read the same on every release. The energy classes, which
 * moved into namespace ns3::energy in ns-3.42, are in dt-energy-compat.h.
 *
 * | release | change                                             | shim                        |
 * |---------|----------------------------------------------------|-----------------------------|
 * | 3.39    | WifiScanParams::ACTIVE became WifiScanType::ACTIVE | MLDT_WIFI_SCAN_ACTIVE       |
 * | 3.39    | StaWifiMac::SendProbeRequest takes a link id       | DtSendProbeRequest          |
 * | 3.41    | MakeEnumAccessor needs the enum type               | DtMakeEnumAccessor          |
 * | 3.41    | WifiPhy listeners are std::shared_ptr              | DtPhyListenerHandle         |
 * | 3.41    | ChannelTuple holds the band as a WifiPhyBand       | DtChannelTupleBand          |
 * | 3.42    | TestCase::TestDuration became Duration             | MLDT_TEST_QUICK             |
 * | 3.42    | energy classes in namespace ns3::energy            | dt-energy-compat.h          |
 * | 3.43    | GetDataRate takes the guard interval as Time       | DtGuardInterval             |
 * | 3.44    | SendProbeRequest became EnqueueProbeRequest        | DtSendProbeRequest          |
 * | 3.45    | NotifyRxEndError takes the TXVECTOR                | MLDT_WIFI_RX_END_ERROR_ARGS |
 * | 3.46    | EventId::IsRunning removed                         | (IsExpired, all releases)   |
 * | 3.46    | WifiPhy::ChannelTuple became a struct              | (brace init, all releases)  |
 * | 3.46    | re-tuning to the same channel is a no-op           | DtRestartAssociation        |
 */

#include "ns3/enum.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <memory>
#include <type_traits>

#if !defined(MLDT_NS3_VERSION_MAJOR) || !defined(MLDT_NS3_VERSION_MINOR)
#    if defined(__has_include)
#        if __has_include("ns3/version-defines.h")
#            include "ns3/version-defines.h"
#            define MLDT_NS3_VERSION_MAJOR NS3_VERSION_MAJOR
#            define MLDT_NS3_VERSION_MINOR NS3_VERSION_MINOR
#        endif
#    endif
#endif
#if !defined(MLDT_NS3_VERSION_MAJOR) || !defined(MLDT_NS3_VERSION_MINOR)
#    error "multilayer-dt: the ns-3 release is unknown. Build with the module's CMakeLists.txt \
(it defines MLDT_NS3_VERSION_MAJOR and MLDT_NS3_VERSION_MINOR), link the ns3::multilayer-dt \
target, or define both yourself (e.g. -DMLDT_NS3_VERSION_MAJOR=3 -DMLDT_NS3_VERSION_MINOR=48)."
#endif

/// True when the ns-3 being built against is at least major.minor.
#define MLDT_NS3_AT_LEAST(major, minor) \
    (MLDT_NS3_VERSION_MAJOR > (major)   \
     || (MLDT_NS3_VERSION_MAJOR == (major) && MLDT_NS3_VERSION_MINOR >= (minor)))

#if MLDT_NS3_AT_LEAST(3, 42)
/// The quick test duration, for TestSuite::AddTestCase.
#    define MLDT_TEST_QUICK TestCase::Duration::QUICK
/// The extensive test duration, for TestSuite::AddTestCase.
#    define MLDT_TEST_EXTENSIVE TestCase::Duration::EXTENSIVE
#else
#    define MLDT_TEST_QUICK     TestCase::QUICK
#    define MLDT_TEST_EXTENSIVE TestCase::EXTENSIVE
#endif

#if MLDT_NS3_AT_LEAST(3, 39)
/// The active scan type of WifiScanParams::type.
#    define MLDT_WIFI_SCAN_ACTIVE WifiScanType::ACTIVE
#else
#    define MLDT_WIFI_SCAN_ACTIVE WifiScanParams::ACTIVE
#endif

#if MLDT_NS3_AT_LEAST(3, 45)
/// The parameters of WifiPhyListener::NotifyRxEndError in a declaration.
#    define MLDT_WIFI_RX_END_ERROR_ARGS const WifiTxVector& /* txVector */
#else
#    define MLDT_WIFI_RX_END_ERROR_ARGS
#endif

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * MakeEnumAccessor for an attribute of enum type E (ns-3.41 needs the type).
 * \tparam E the enum type
 * \param a the member variable or getter/setter, as for MakeEnumAccessor
 * \return the accessor
 */
template <typename E, typename... A>
Ptr<const AttributeAccessor>
DtMakeEnumAccessor(A... a)
{
#if MLDT_NS3_AT_LEAST(3, 41)
    return MakeEnumAccessor<E>(a...);
#else
    return MakeEnumAccessor(a...);
#endif
}

/**
 * \ingroup multilayer-dt
 * The handle WifiPhy::RegisterListener / UnregisterListener take: the
 * shared pointer since ns-3.41, the raw pointer before.
 * \param listener the listener, owned by the caller
 * \return what to pass to (Un)RegisterListener
 */
template <typename L>
auto
DtPhyListenerHandle(const std::shared_ptr<L>& listener)
{
#if MLDT_NS3_AT_LEAST(3, 41)
    return listener;
#else
    return listener.get();
#endif
}

/**
 * \ingroup multilayer-dt
 * A band as WifiPhy::ChannelTuple holds it: an int before ns-3.41, the
 * WifiPhyBand itself since.
 * \param band the band (WifiPhyOperatingChannel::GetPhyBand)
 * \return the tuple's band field
 */
template <typename B>
auto
DtChannelTupleBand(B band)
{
#if MLDT_NS3_AT_LEAST(3, 41)
    return band;
#else
    return static_cast<int>(band);
#endif
}

/**
 * \ingroup multilayer-dt
 * A guard interval as WifiMode::GetDataRate takes it: ns as an integer
 * before ns-3.43, a Time since.
 * \param ns the guard interval, ns
 * \return the argument for GetDataRate
 */
inline auto
DtGuardInterval(uint16_t ns)
{
#if MLDT_NS3_AT_LEAST(3, 43)
    return NanoSeconds(ns);
#else
    return ns;
#endif
}

/**
 * \ingroup multilayer-dt
 * Make a station MAC send a probe request on a link now.
 * \param mac the StaWifiMac (a template parameter, so that this header
 *        needs no Wi-Fi header)
 * \param linkId the link
 */
template <typename Mac>
void
DtSendProbeRequest(Ptr<Mac> mac, [[maybe_unused]] uint8_t linkId)
{
#if MLDT_NS3_AT_LEAST(3, 44)
    mac->EnqueueProbeRequest(mac->GetProbeRequest(linkId), linkId);
#elif MLDT_NS3_AT_LEAST(3, 39)
    mac->SendProbeRequest(linkId);
#else
    mac->SendProbeRequest();
#endif
}

/**
 * \ingroup multilayer-dt
 * Make an associated station leave its BSS and scan again, as a channel
 * switch does: before ns-3.46 the PHY is re-tuned to the channel it is on
 * (a real switch: the PHY resets and is deaf for its switching delay, then
 * the MAC disassociates); since ns-3.46 WifiPhy::SetOperatingChannel ignores
 * the channel the PHY is already on, so the MAC is told of a switch
 * directly (it disassociates, resets its station manager and scans).
 * The PHY must not be transmitting or receiving.
 * \param mac the StaWifiMac (a template parameter, so that this header
 *        needs no Wi-Fi header)
 * \param linkId the link
 */
template <typename Mac>
void
DtRestartAssociation(Ptr<Mac> mac, uint8_t linkId)
{
#if MLDT_NS3_AT_LEAST(3, 46)
    mac->NotifyChannelSwitching(linkId);
#else
    auto phy = mac->GetWifiPhy(linkId);
    const auto& ch = phy->GetOperatingChannel();
    using Tuple = typename std::remove_reference_t<decltype(*phy)>::ChannelTuple;
    phy->SetOperatingChannel(Tuple{ch.GetNumber(),
                                   ch.GetWidth(),
                                   DtChannelTupleBand(ch.GetPhyBand()),
                                   ch.GetPrimaryChannelIndex(20)});
#endif
}

/**
 * \ingroup multilayer-dt
 * Give a datagram's destination address the TOS its UDP socket should mark
 * it with. Until the release that removed InetSocketAddress::SetTos,
 * UdpSocket::SendTo took the TOS from the address and ignored the socket's
 * (Socket::SetIpTos); later releases have only the socket's. Detected from
 * the address type, so no release number is guessed; set both.
 * \param address the destination (an InetSocketAddress)
 * \param tos the TOS byte
 * \return nothing; the overload exists only where the address has SetTos
 */
template <typename A>
auto
DtSetAddressTos(A& address, uint8_t tos, int) -> decltype(address.SetTos(tos), void())
{
    address.SetTos(tos);
}

/**
 * \ingroup multilayer-dt
 * DtSetAddressTos where the address has no TOS: the socket's applies.
 */
template <typename A>
void
DtSetAddressTos(A&, uint8_t, long)
{
}

} // namespace ns3

#endif /* DT_NS3_VERSION_H */
