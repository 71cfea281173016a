/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the ComputeResource: service time, priority order, weighted
// fairness across owners under deficit round robin, rejection.

#include "ns3/compute-resource.h"
#include "ns3/double.h"
#include "ns3/dt-app-usage-model.h"
#include "ns3/dt-compute-energy-model.h"
#include "ns3/dt-energy-compat.h"
#include "ns3/dt-ns3-version.h"
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
 * The processor's busy time integral and its energy: a battery drained by
 * DtComputeEnergyModel loses exactly IdlePower x t + BusyPowerPerCore x busy
 * core-seconds.
 */
class DtComputeEnergyTestCase : public TestCase
{
  public:
    DtComputeEnergyTestCase()
        : TestCase("Busy core-seconds and processor energy")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<ComputeResource> cpu = CreateObject<ComputeResource>();
        cpu->SetAttribute("CapacityGflops", DoubleValue(2.0));
        cpu->SetAttribute("Cores", UintegerValue(2)); // 1 GFLOPS per core
        Ptr<energy::BasicEnergySource> battery = CreateObject<energy::BasicEnergySource>();
        battery->SetAttribute("BasicEnergySourceInitialEnergyJ", DoubleValue(1000));
        battery->SetAttribute("BasicEnergySupplyVoltageV", DoubleValue(3.7));
        Ptr<DtComputeEnergyModel> model = CreateObject<DtComputeEnergyModel>();
        model->SetAttribute("IdlePower", DoubleValue(0.5));
        model->SetAttribute("BusyPowerPerCore", DoubleValue(2.0));
        model->SetEnergySource(battery);
        battery->AppendDeviceEnergyModel(model);
        model->Attach(cpu);

        // Jobs of 1, 3 and 2 GFLOP at t = 1 s: cores busy [1, 2] + [1, 4], then
        // the third job [2, 4]: 6 core-seconds by t = 4 s.
        Simulator::Schedule(Seconds(1),
                            [cpu]()
                            {
                                for (uint64_t id = 1; id <= 3; ++id)
                                {
                                    DtComputeJob j;
                                    j.id = id;
                                    j.workloadGflop = id == 1 ? 1.0 : (id == 2 ? 3.0 : 2.0);
                                    cpu->Submit(j);
                                }
                            });
        double busyAt3 = -1;
        Simulator::Schedule(Seconds(3),
                            [cpu, &busyAt3]()
                            {
                                busyAt3 = cpu->GetBusyCoreSeconds();
                            });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ_TOL(busyAt3, 4.0, 1e-9, "two cores busy from 1 s to 3 s");
        NS_TEST_EXPECT_MSG_EQ_TOL(cpu->GetBusyCoreSeconds(), 6.0, 1e-9, "6 core-seconds of work");
        const double expected = 0.5 * 10 + 2.0 * 6.0;
        NS_TEST_EXPECT_MSG_EQ_TOL(model->GetTotalEnergyConsumption(),
                                  expected,
                                  1e-6,
                                  "idle power over 10 s plus busy power over 6 core-seconds");
        NS_TEST_EXPECT_MSG_EQ_TOL(
            battery->GetRemainingEnergy(), 1000 - expected, 1e-6, "the battery lost exactly that");
        Simulator::Destroy();
        // The source and its model hold each other: Dispose breaks the cycle.
        battery->Dispose();
        model->Dispose();
        cpu->Dispose();
    }
};

/**
 * Count a state change that really changes the state.
 * \param n the counter
 * \param from the state left
 * \param to the state entered
 */
static void
CountChange(uint32_t* n, uint32_t from, uint32_t to)
{
    *n += from != to ? 1 : 0;
}

/**
 * \ingroup multilayer-dt-tests
 * The app-usage Markov chain: its stationary distribution solves the
 * balance equations, and a long run spends that share of time in each state.
 */
class DtAppUsageChainTestCase : public TestCase
{
  public:
    DtAppUsageChainTestCase()
        : TestCase("App-usage chain: stationary distribution and time shares")
    {
    }

  private:
    void DoRun() override
    {
        // Two states alternating: pi is proportional to the mean dwell times.
        Ptr<DtAppUsageModel> two = CreateObject<DtAppUsageModel>();
        two->AddState("a", Seconds(2), 1.0, {});
        two->AddState("b", Seconds(6), 1.0, {});
        two->SetTransition(0, 1, 1);
        two->SetTransition(1, 0, 1);
        std::vector<double> pi = two->GetStationaryDistribution();
        NS_TEST_EXPECT_MSG_EQ_TOL(pi[0], 0.25, 1e-12, "2 / (2 + 6)");
        NS_TEST_EXPECT_MSG_EQ_TOL(pi[1], 0.75, 1e-12, "6 / (2 + 6)");

        // Three states, rates q_ij = w_ij / dwell_i: pi Q = 0 checked directly.
        Ptr<DtAppUsageModel> m = CreateObject<DtAppUsageModel>();
        m->AddState("x", Seconds(1), 1.0, {2.0});
        m->AddState("y", Seconds(4), 0.5, {0.0});
        m->AddState("z", Seconds(2), 3.0, {1.0, 7.0});
        m->SetTransition(0, 1, 0.5);
        m->SetTransition(0, 2, 0.5);
        m->SetTransition(1, 2, 1.0);
        m->SetTransition(2, 0, 0.8);
        m->SetTransition(2, 1, 0.2);
        pi = m->GetStationaryDistribution();
        const double q[3][3] = {{-1, 0.5, 0.5}, {0, -0.25, 0.25}, {0.4, 0.1, -0.5}};
        for (int j = 0; j < 3; ++j)
        {
            double flow = 0;
            for (int i = 0; i < 3; ++i)
            {
                flow += pi[i] * q[i][j];
            }
            NS_TEST_EXPECT_MSG_EQ_TOL(flow, 0.0, 1e-12, "balance of state " << j);
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(pi[0] + pi[1] + pi[2], 1.0, 1e-12, "normalised");

        m->AssignStreams(42);
        uint32_t changes = 0;
        m->TraceConnectWithoutContext("StateChanged", MakeBoundCallback(&CountChange, &changes));
        m->Start();
        Simulator::Stop(Seconds(20000));
        Simulator::Run();
        const std::vector<Time> t = m->GetTimeInStates();
        for (uint32_t k = 0; k < 3; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(t[k].GetSeconds() / 20000,
                                      pi[k],
                                      0.02,
                                      "time share of state " << m->GetStateName(k));
        }
        NS_TEST_EXPECT_MSG_GT(changes, 5000, "the chain moved");
        // The factors follow the current state; classes beyond a state's list keep 1.
        const uint32_t now = m->GetState();
        const double expectedFactor = now == 0 ? 2.0 : (now == 1 ? 0.0 : 1.0);
        NS_TEST_EXPECT_MSG_EQ(m->GetClassFactor(0), expectedFactor, "class factor");
        NS_TEST_EXPECT_MSG_EQ(m->GetClassFactor(5), 1.0, "unlisted class");
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
        : TestSuite("multilayer-dt-compute", Type::UNIT)
    {
        AddTestCase(new DtServiceTimeTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtPriorityOrderTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtFairnessTestCase(1.0), MLDT_TEST_QUICK);
        AddTestCase(new DtFairnessTestCase(3.0), MLDT_TEST_QUICK);
        AddTestCase(new DtRejectionTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtStopTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtComputeEnergyTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtAppUsageChainTestCase, MLDT_TEST_QUICK);
    }
};

/// Static instance that registers the suite.
static DtComputeTestSuite g_dtComputeTestSuite;
