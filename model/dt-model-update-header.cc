/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-model-update-header.h"

#include "ns3/abort.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtModelUpdateHeader);

TypeId
DtModelUpdateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtModelUpdateHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtModelUpdateHeader>();
    return tid;
}

DtMessageType
DtModelUpdateHeader::GetMessageType() const
{
    return DtMessageType::MODEL_UPDATE;
}

void
DtModelUpdateHeader::SetVersion(uint32_t version)
{
    NS_ABORT_MSG_IF(version == 0, "model versions start at 1");
    m_version = version;
}

void
DtModelUpdateHeader::SetTrainedAt(Time t)
{
    m_trainedAtNs = DtTimeToWire(t);
}

Time
DtModelUpdateHeader::GetTrainedAt() const
{
    return DtTimeFromWire(m_trainedAtNs);
}

void
DtModelUpdateHeader::SetParameters(std::vector<double> parameters)
{
    NS_ABORT_MSG_IF(parameters.size() > DtPayload::MAX_VALUES,
                    "model of " << parameters.size() << " parameters exceeds "
                                << DtPayload::MAX_VALUES);
    NS_ABORT_MSG_IF(!DtAllFinite(parameters), "model parameters must be finite");
    m_parameters = std::move(parameters);
}

bool
DtDelayModel::Adopt(const DtModelUpdateHeader& update)
{
    if (update.GetModelId() != DELAY_MODEL_ID || update.GetVersion() <= version
        || update.GetParameters().size() != 2)
    {
        return false;
    }
    version = update.GetVersion();
    parameters = update.GetParameters();
    return true;
}

} // namespace ns3
