#include "research/backtestoverfitting.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <thread>

namespace veloce {

BacktestOverfitting BacktestOverfitting::fromBlocks(
    const std::vector<std::vector<BlockSums>>& perTrial, int jobs)
{
    BacktestOverfitting out;
    out.trials = static_cast<std::int64_t>(perTrial.size());
    out.blocks = perTrial.empty() ? 0 : static_cast<int>(perTrial.front().size());
    const int S = out.blocks;
    const std::size_t N = perTrial.size();
    if (N < 2 || S < 2 || S % 2 != 0 || S > 24)
        return out;
    for (const auto& trial : perTrial) {
        if (static_cast<int>(trial.size()) != S)
            return out;
        for (const BlockSums& b : trial)
            if (b.n < 2)
                return out; // a block too short to say anything
    }

    // A split and its mirror image (in- and out-of-sample swapped) need the same two Sharpe ratios
    // per configuration: each pair is worked out once, from the mask without the top block.
    const auto logit = [N](const std::vector<double>& inSample, const std::vector<double>& outOfSample) {
        std::size_t best = 0; // the in-sample winner (the first on ties)
        for (std::size_t n = 1; n < N; ++n)
            if (inSample[n] > inSample[best])
                best = n;
        // Its rank out of sample: 1 for the worst, N for the best; ties share the mean rank.
        double rank = 1;
        for (std::size_t n = 0; n < N; ++n) {
            if (n == best)
                continue;
            if (outOfSample[n] < outOfSample[best])
                rank += 1;
            else if (outOfSample[n] == outOfSample[best])
                rank += 0.5;
        }
        const double omega = rank / static_cast<double>(N + 1);
        return std::log(omega / (1 - omega));
    };
    std::vector<std::uint32_t> masks;
    for (std::uint32_t mask = 0; mask < (1u << (S - 1)); ++mask)
        if (std::popcount(mask) == S / 2)
            masks.push_back(mask);
    const std::uint32_t all = (1u << S) - 1;
    out.logits.resize(2 * masks.size());
    // Splits [begin, end) of `masks`; each thread writes only its own logits.
    const auto splits = [&](std::size_t begin, std::size_t end) {
        std::vector<double> first(N), second(N);
        for (std::size_t k = begin; k < end; ++k) {
            for (std::size_t n = 0; n < N; ++n) {
                // Each half summed over its own set bits, lowest block first: S / 2 additions each
                // and no branch on the mask's bits (which no predictor can guess).
                const BlockSums* blocks = perTrial[n].data();
                BlockSums a, b;
                for (std::uint32_t m = masks[k]; m != 0; m &= m - 1)
                    a.add(blocks[std::countr_zero(m)]);
                for (std::uint32_t m = all & ~masks[k]; m != 0; m &= m - 1)
                    b.add(blocks[std::countr_zero(m)]);
                first[n] = a.sharpe();
                second[n] = b.sharpe();
            }
            out.logits[2 * k] = logit(first, second);
            out.logits[2 * k + 1] = logit(second, first);
        }
    };
    // C(16, 8) splits × N configurations is a quarter of a second for 1,000 of them: worth the
    // sweep's threads. Contiguous slices, so the logits keep the order of the masks.
    const std::size_t threads
        = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(jobs, 1)), 1, masks.size());
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < threads; ++t)
        workers.emplace_back(splits, t * masks.size() / threads, (t + 1) * masks.size() / threads);
    splits(0, masks.size() / threads);
    for (std::thread& w : workers)
        w.join();
    std::int64_t overfit = 0;
    for (const double lambda : out.logits)
        overfit += lambda <= 0;
    out.combinations = static_cast<std::int64_t>(out.logits.size());
    out.probability = static_cast<double>(overfit) / static_cast<double>(out.combinations);
    return out;
}

BacktestOverfitting BacktestOverfitting::fromReturns(
    const std::vector<std::vector<double>>& returns, int blocks)
{
    const std::size_t T = returns.size();
    const std::size_t N = returns.empty() ? 0 : returns.front().size();
    std::vector<std::vector<BlockSums>> perTrial(
        N, std::vector<BlockSums>(static_cast<std::size_t>(std::max(blocks, 0))));
    for (int s = 0; s < blocks; ++s) {
        const std::size_t begin = static_cast<std::size_t>(s) * T / static_cast<std::size_t>(blocks);
        const std::size_t end = static_cast<std::size_t>(s + 1) * T / static_cast<std::size_t>(blocks);
        for (std::size_t t = begin; t < end; ++t) {
            for (std::size_t n = 0; n < N; ++n) {
                BlockSums& b = perTrial[n][static_cast<std::size_t>(s)];
                const double r = returns[t][n];
                ++b.n;
                b.sum += r;
                b.sumSq += r * r;
            }
        }
    }
    return fromBlocks(perTrial);
}

} // namespace veloce
