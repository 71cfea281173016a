/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the ComputeResource: service time, priority order, weighted
// fairness across owners under deficit round robin, rejection.

#include "ns3/compute-resource.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <map>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \param capacity GFLOPS
 * \param cores cores
 * \param scheduler queue discipline
 * \return a compute resource
 */
Ptr<ComputeResource>
MakeCpu(double capacity, uint32_t cores, ComputeResource::Scheduler scheduler)
{
    Ptr<ComputeResource> cpu = CreateObject<ComputeResource>();
    cpu->SetAttribute("CapacityGflops", DoubleValue(capacity));
    cpu->SetAttribute("Cores", UintegerValue(cores));
    cpu->SetAttribute("Scheduler", EnumValue(scheduler));
    return cpu;
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * A job's service time is workload / (capacity / cores), and jobs on parallel
 * cores overlap.
 */
class DtServiceTimeTestCase : public TestCase
{
  public:
    DtServiceTimeTestCase()
        : TestCase("Service time equals workload over capacity")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<ComputeResource> cpu = MakeCpu(20.0, 1, ComputeResource::PRIORITY);
        std::map<uint64_t, Time> done;
        cpu->SetJobDoneCallback(Callback<void, const DtComputeJob&>(
            [&done](const DtComputeJob& j)
            {
                done[j.id] = Simulator::Now();
            }));
        Simulator::Schedule(Seconds(1),
                            [cpu]()
                            {
                                cpu->Submit({1, 5.0, 0, 0}); // 5 GFLOP at 20 GFLOPS: 0.25 s
                                cpu->Submit({2, 2.0, 0, 0}); // waits, then 0.1 s
                            });
        Simulator::Schedule(
            Seconds(1.1),
            [cpu, this]()
            {
                // 0.15 s of job 1 left plus all of job 2: 0.15*20 + 2 = 5 GFLOP.
                NS_TEST_EXPECT_MSG_EQ_TOL(cpu->GetBacklogGflop(), 5.0, 1e-9, "backlog");
                NS_TEST_EXPECT_MSG_EQ_TOL(cpu->EstimateCompletionDelay(1.0).GetSeconds(),
                                          (5.0 + 1.0) / 20.0,
                                          1e-9,
                                          "estimate");
            });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(done.size(), 2, "both jobs finished");
        NS_TEST_EXPECT_MSG_EQ_TOL(done[1].GetSeconds(), 1.0 + 5.0 / 20.0, 1e-9, "job 1");
        NS_TEST_EXPECT_MSG_EQ_TOL(done[2].GetSeconds(), 1.0 + 7.0 / 20.0, 1e-9, "job 2");
        NS_TEST_EXPECT_MSG_EQ_TOL(cpu->GetCompletedGflop(), 7.0, 1e-9, "work done");
        Simulator::Destroy();

        // Two cores of 10 GFLOPS each: two 5 GFLOP jobs finish together after 0.5 s.
        Ptr<ComputeResource> duo = MakeCpu(20.0, 2, ComputeResource::PRIORITY);
        std::vector<Time> ends;
        duo->SetJobDoneCallback(Callback<void, const DtComputeJob&>(
            [&ends](const DtComputeJob&)
            {
                ends.push_back(Simulator::Now());
            }));
        Simulator::ScheduleNow(
            [duo]()
            {
                duo->Submit({1, 5.0, 0, 0});
                duo->Submit({2, 5.0, 0, 0});
            });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(ends.size(), 2, "both jobs finished");
        NS_TEST_EXPECT_MSG_EQ_TOL(ends[0].GetSeconds(), 0.5, 1e-9, "core 1");
        NS_TEST_EXPECT_MSG_EQ_TOL(ends[1].GetSeconds(), 0.5, 1e-9, "core 2");
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Waiting jobs run highest priority first, FIFO within a priority.
 */
class DtPriorityOrderTestCase : public TestCase
{
  public:
    DtPriorityOrderTestCase()
        : TestCase("Strict priority, FIFO within a priority")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<ComputeResource> cpu = MakeCpu(1.0, 1, ComputeResource::PRIORITY);
        std::vector<uint64_t> order;
        cpu->SetJobDoneCallback(Callback<void, const DtComputeJob&>(
            [&order](const DtComputeJob& j)
            {
                order.push_back(j.id);
            }));
        Simulator::ScheduleNow(
            [cpu]()
            {
                cpu->Submit({1, 1.0, 0, 0}); // starts at once
                cpu->Submit({2, 1.0, 1, 0});
                cpu->Submit({3, 1.0, 7, 0});
                cpu->Submit({4, 1.0, 1, 0});
                cpu->Submit({5, 1.0, 7, 0});
            });
        Simulator::Run();
        Simulator::Destroy();
        const std::vector<uint64_t> expected{1, 3, 5, 2, 4};
        NS_TEST_ASSERT_MSG_EQ((order == expected), true, "completion order");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Under DRR, two owners that both keep the resource busy get service in
 * proportion to their weights, whatever their offered load and job sizes.
 */
class DtFairnessTestCase : public TestCase
{
  public:
    /**
     * \param weightB weight of owner B (owner A has weight 1)
     */
    explicit DtFairnessTestCase(double weightB)
        : TestCase("DRR shares a saturated resource 1:" + std::to_string(int(weightB))
                   + " between unequal loads")
        , m_weightB(weightB)
    {
    }

  private:
    void DoRun() override
    {
        Ptr<ComputeResource> cpu = MakeCpu(20.0, 1, ComputeResource::DRR);
        cpu->SetAttribute("DrrQuantumGflop", DoubleValue(0.5));
        cpu->SetOwnerWeight(1, 1.0);
        cpu->SetOwnerWeight(2, m_weightB);
        std::map<uint32_t, double> served;
        const Time horizon = Seconds(10);
        cpu->SetJobDoneCallback(Callback<void, const DtComputeJob&>(
            [&served, horizon](const DtComputeJob& j)
            {
                if (Simulator::Now() <= horizon)
                {
                    served[j.owner] += j.workloadGflop;
                }
            }));
        // Owner 1 offers 60 GFLOPS in 1-GFLOP jobs, owner 2 offers 30 GFLOPS
        // in 0.25-GFLOP jobs: together far above the 20 GFLOPS capacity.
        uint64_t id = 0;
        for (int k = 0; k < 600; ++k)
        {
            Simulator::Schedule(MilliSeconds(k * 1000 / 60),
                                [cpu, &id]()
                                {
                                    cpu->Submit({++id, 1.0, 0, 1});
                                });
        }
        for (int k = 0; k < 1200; ++k)
        {
            Simulator::Schedule(MilliSeconds(k * 1000 / 120),
                                [cpu, &id]()
                                {
                                    cpu->Submit({++id, 0.25, 0, 2});
                                });
        }
        Simulator::Stop(horizon);
        Simulator::Run();
        Simulator::Destroy();
        const double total = served[1] + served[2];
        NS_TEST_ASSERT_MSG_GT(total, 0.95 * 20.0 * 10.0, "the resource stayed busy");
        const double shareB = served[2] / total;
        const double expected = m_weightB / (1.0 + m_weightB);
        NS_TEST_EXPECT_MSG_EQ_TOL(shareB, expected, 0.02, "owner 2's share of the work");
    }

    double m_weightB; //!< weight of owner 2
};

/**
 * \ingroup multilayer-dt-tests
 * A full queue rejects, and the rejection is traced.
 */
class DtRejectionTestCase : public TestCase
{
  public:
    DtRejectionTestCase()
        : TestCase("A full queue rejects submissions")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<ComputeResource> cpu = MakeCpu(1.0, 1, ComputeResource::PRIORITY);
        cpu->SetAttribute("MaxQueueLength", UintegerValue(2));
        uint32_t rejected = 0;
        cpu->TraceConnectWithoutContext("JobRejected",
                                        Callback<void, const DtComputeJob&>(
                                            [&rejected](const DtComputeJob&)
                                            {
                                                ++rejected;
                                            }));
        std::vector<bool> accepted;
        Simulator::ScheduleNow(
            [cpu, &accepted]()
            {
                for (uint64_t i = 1; i <= 5; ++i)
                {
                    accepted.push_back(cpu->Submit({i, 1.0, 0, 0}));
                }
            });
        Simulator::Run();
        Simulator::Destroy();
        // One running, two waiting, two rejected.
        const std::vector<bool> expected{true, true, true, false, false};
        NS_TEST_ASSERT_MSG_EQ((accepted == expected), true, "accepted submissions");
        NS_TEST_ASSERT_MSG_EQ(rejected, 2, "traced rejections");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A stopped resource reports no more completions and takes work again after.
 */
class DtStopTestCase : public TestCase
{
  public:
    DtStopTestCase()
        : TestCase("Stop abandons running and waiting jobs")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<ComputeResource> cpu = MakeCpu(1.0, 1, ComputeResource::PRIORITY);
        uint32_t done = 0;
        cpu->SetJobDoneCallback(Callback<void, const DtComputeJob&>(
            [&done](const DtComputeJob&)
            {
                ++done;
            }));
        Simulator::ScheduleNow(
            [cpu]()
            {
                cpu->Submit({1, 1.0, 0, 0});
                cpu->Submit({2, 1.0, 0, 0});
            });
        Simulator::Schedule(MilliSeconds(500),
                            [cpu]()
                            {
                                cpu->Stop();
                            });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(done, 0, "no completion after Stop");
        NS_TEST_EXPECT_MSG_EQ(cpu->GetBacklogGflop(), 0.0, "nothing left");
        NS_TEST_EXPECT_MSG_EQ(cpu->GetQueueLength(), 0, "queue empty");
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Compute resource test suite.
 */
class DtComputeTestSuite : public TestSuite
{
  public:
    DtComputeTestSuite()
        : TestSuite("multilayer-dt-compute", UNIT)
    {
        AddTestCase(new DtServiceTimeTestCase, TestCase::QUICK);
        AddTestCase(new DtPriorityOrderTestCase, TestCase::QUICK);
        AddTestCase(new DtFairnessTestCase(1.0), TestCase::QUICK);
        AddTestCase(new DtFairnessTestCase(3.0), TestCase::QUICK);
        AddTestCase(new DtRejectionTestCase, TestCase::QUICK);
        AddTestCase(new DtStopTestCase, TestCase::QUICK);
    }
};

/// Static instance that registers the suite.
static DtComputeTestSuite g_dtComputeTestSuite;
