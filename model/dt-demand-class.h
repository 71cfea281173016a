/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_DEMAND_CLASS_H
#define DT_DEMAND_CLASS_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <string>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * A class of demands a terminal generates: how likely it is, and the random
 * variables its workload, data sizes and deadline are drawn from.
 */
class DtDemandClass : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtDemandClass();

    /** \return the class name, e.g. "light" */
    std::string GetName() const;
    /** \return the relative frequency of the class among a terminal's demands */
    double GetWeight() const;
    /** \return the priority of the class's demands (0..7) */
    uint8_t GetPriority() const;
    /** \return a workload draw in GFLOP (> 0) */
    double DrawWorkloadGflop();
    /** \return an input size draw in bytes */
    uint32_t DrawInputBytes();
    /** \return a result size draw in bytes */
    uint32_t DrawOutputBytes();
    /** \return a relative deadline draw (> 0) */
    Time DrawDeadline();
    /**
     * \param stream first random stream index to use
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    std::string m_name;                      //!< name
    double m_weight;                         //!< relative frequency
    uint8_t m_priority;                      //!< priority
    Ptr<RandomVariableStream> m_workload;    //!< GFLOP
    double m_workloadScale;                  //!< factor on the workload
    Ptr<RandomVariableStream> m_inputBytes;  //!< bytes
    Ptr<RandomVariableStream> m_outputBytes; //!< bytes
    Ptr<RandomVariableStream> m_deadline;    //!< seconds
};

} // namespace ns3

#endif /* DT_DEMAND_CLASS_H */
