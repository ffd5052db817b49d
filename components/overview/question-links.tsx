import Link from 'next/link';

interface Question {
  id: string;
  question: string;
  answer: string;
  href: string;
}

/**
 * The questions the dashboard is built to answer, each one click from the overview, landing on
 * the view that answers it with its sources.
 */
const QUESTIONS: readonly Question[] = [
  {
    id: 'eu-china-russia',
    question: 'How does trade with the EU compare with China and Russia since 2000?',
    answer: 'Turnover of the three side by side, year by year, with a table and the growth of each',
    href: '/compare?partners=AGG_EU,CHN,RUS&from=2000',
  },
  {
    id: 'fastest-growth',
    question: 'Which sizeable partners grew fastest in the last five years?',
    answer:
      'The partner list sorted by compound annual growth of turnover over five years, for partners with at least USD 100 million in both years',
    href: '/partners?sort=cagr:desc',
  },
  {
    id: 'statistics-disagree',
    question: 'Where do Kazakhstan’s and its partners’ statistics disagree most?',
    answer: 'Both records of every partner and year, sorted by the size of the gap',
    href: '/mirror',
  },
];

export function QuestionLinks() {
  return (
    <nav aria-labelledby="questions-heading" className="space-y-2" data-testid="question-links">
      <h2 id="questions-heading" className="text-sm font-semibold text-muted-foreground">
        Start with a question
      </h2>
      <ul className="grid gap-3 md:grid-cols-3">
        {QUESTIONS.map((q) => (
          <li key={q.id}>
            <Link
              href={q.href}
              data-testid={`question-${q.id}`}
              className="block h-full rounded-lg border border-border bg-card p-3 hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              <span className="block font-medium text-accent underline-offset-2">{q.question}</span>
              <span className="mt-1 block text-sm text-muted-foreground">{q.answer}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
