/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-fading.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/dt-correlated-fading-loss-model.h"
#include "ns3/propagation-loss-model.h"

namespace ns3
{

double
DtFading::GetNakagamiM() const
{
    if (nakagamiM > 0)
    {
        return nakagamiM;
    }
    return (kFactor + 1) * (kFactor + 1) / (2 * kFactor + 1);
}

Ptr<PropagationLossModel>
DtFading::Create(double frequency, int64_t stream) const
{
    NS_ABORT_MSG_IF(kFactor < 0, "Rician K factor " << kFactor << " is negative");
    switch (model)
    {
    case NONE:
        return nullptr;
    case INDEPENDENT: {
        const double m = GetNakagamiM();
        NS_ABORT_MSG_IF(m < 0.5, "NakagamiM=" << m << " is below 0.5");
        Ptr<NakagamiPropagationLossModel> fading = CreateObject<NakagamiPropagationLossModel>();
        fading->SetAttribute("m0", DoubleValue(m));
        fading->SetAttribute("m1", DoubleValue(m));
        fading->SetAttribute("m2", DoubleValue(m));
        fading->AssignStreams(stream);
        return fading;
    }
    case CORRELATED: {
        Ptr<DtCorrelatedFadingLossModel> fading = CreateObject<DtCorrelatedFadingLossModel>();
        fading->SetAttribute("KFactor", DoubleValue(kFactor));
        fading->SetAttribute("Frequency", DoubleValue(frequency));
        fading->AssignStreams(stream);
        return fading;
    }
    }
    NS_ABORT_MSG("unknown fading model " << static_cast<int>(model));
    return nullptr;
}

} // namespace ns3
