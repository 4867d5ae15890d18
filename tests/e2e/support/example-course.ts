import path from 'node:path'
import type { Answers } from './session.js'

/** The example course that ships in `course/`, and what a learner answers in it. */
export const exampleCourse = path.resolve(import.meta.dirname, '../../../course')


export const knowledgeCheckRight: Answers = [
  [/When was the treaty signed/, { choose: ['14 February 1950'] }],
  [/Who signed the treaty/, { choose: ['Zhou Enlai', 'Andrei Vyshinsky'] }],
  [/signed in Beijing/, { choose: ['False'] }],
  [/In which city/, { type: ' moscow ' }],
  [/How many million US dollars/, { type: '300' }],
  [/How sure do you feel/, { choose: ['Fairly sure'] }],
  [/At what rate of interest/, { choose: ['1%'] }],
  [/Over how many years/, { type: '5' }],
  [/Side agreements returned/, { choose: ['Port Arthur'] }],
]

export const events = [
  "The People's Republic of China is founded",
  'The treaty is signed in Moscow',
  'The Korean War begins',
  'The USSR withdraws its experts from China',
  'Chinese and Soviet troops clash at Zhenbao Island',
  'The treaty lapses',
]

export const finalQuizRight: Answers = [
  [/How long was the treaty to run/, { choose: ['30 years'] }],
  [/Which attacker/, { choose: ['Japan, or any state allied with Japan'] }],
  [/Which of these came with the treaty/, { choose: ['A credit of US$300 million over five years', 'An interest rate of 1% on that credit', 'The return of the Changchun Railway to China'] }],
  [/replaced an earlier treaty/, { choose: ['True'] }],
  [/What did Soviet experts and loans do/, { choose: ['They helped build infrastructure and heavy industry, and made China dependent on Soviet expertise'] }],
  [/Which Soviet policies after 1956/, { choose: ['De-Stalinisation', 'Peaceful coexistence with the West'] }],
  [/In which year did the USSR withdraw/, { choose: ['1960'] }],
  [
    /Match each person/,
    {
      match: [
        ['Zhou Enlai', 'Signed the treaty for China'],
        ['Andrei Vyshinsky', 'Signed the treaty for the USSR'],
        ['Nikita Khrushchev', 'Began de-Stalinisation after 1956'],
        ['Mao Zedong', 'Rejected "peaceful coexistence" with the West'],
      ],
    },
  ],
  [/Put these events in order/, { order: events }],
  [/In which year did the treaty lapse/, { type: '1980' }],
  [/Port Arthur is also known/, { type: 'Lüshun' }],
  [/Korean War began before/, { choose: ['False'] }],
]

export const pageTitles = [
  'Before the treaty',
  'Signing in Moscow',
  'Check your understanding',
  'Building with Soviet help',
  'Cracks in the alliance',
  'The Sino-Soviet split',
  'Final quiz',
  'Review questions for discussion',
]
