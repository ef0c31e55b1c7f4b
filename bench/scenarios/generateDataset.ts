import { BENCH_SEED } from '../context'
import { generateDataset } from '../../src/main/demo/dataset'
import { defineScenario } from '../scenario'

const format = (n: number): string => Math.round(n).toLocaleString('en-US')

export const generateDatasetScenario = defineScenario({
  name: 'generate data set',
  maxRuns: 5,
  measure: (bench) => Promise.resolve(generateDataset({ people: bench.people, seed: BENCH_SEED })),
  notes: (bench, _state, medianMs) => [
    `generate data set: ${format(bench.people)} people, ${format(bench.dataset().guardianships.length)} guardianships, ` +
      `${format(bench.people / (medianMs / 1000))} people/s`,
  ],
})
