import Link from 'next/link';
import { wizardStepCount, wizardSteps, type WizardStepNumber } from '@/lib/onboarding/steps';

/** « Étape N sur 4 » and the list of steps; steps already reached are links (going back keeps what was typed). */
export function Stepper({ current, reached }: { current: WizardStepNumber; reached: number }) {
  return (
    <nav aria-label="Étapes de la création de votre espace" className="mt-4">
      <p className="font-bold text-brand-dark">
        Étape {current} sur {wizardStepCount}
      </p>
      <ol className="mt-2 grid grid-cols-4 gap-1 sm:gap-2">
        {wizardSteps.map((s) => {
          const isCurrent = s.number === current;
          const isDone = s.number < current;
          const content = (
            <>
              <span
                aria-hidden="true"
                className={`grid h-8 w-8 shrink-0 place-items-center rounded-full border-2 text-sm font-bold ${
                  isCurrent ? 'border-brand bg-brand text-white' : isDone ? 'border-brand bg-brand-light text-brand-dark' : 'border-slate-400 bg-white text-muted'
                }`}
              >
                {isDone ? '✓' : s.number}
              </span>
              <span className={`text-xs leading-tight sm:text-sm ${isCurrent ? 'font-bold text-ink' : 'text-muted'}`}>
                <span className="sr-only">Étape {s.number} : </span>
                {s.label}
                {isDone && <span className="sr-only"> (terminée)</span>}
              </span>
            </>
          );
          const className = `flex min-h-11 flex-col items-center gap-1 border-t-4 pt-2 text-center ${isCurrent || isDone ? 'border-brand' : 'border-slate-300'}`;
          return (
            <li key={s.number} aria-current={isCurrent ? 'step' : undefined}>
              {!isCurrent && s.number <= reached ? (
                <Link href={s.path} className={`${className} rounded-sm hover:bg-brand-light`}>
                  {content}
                </Link>
              ) : (
                <div className={className}>{content}</div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function WizardFrame({
  step,
  reached,
  children,
}: {
  step: WizardStepNumber;
  reached: number;
  children: React.ReactNode;
}) {
  const label = wizardSteps[step - 1]!.label;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-black text-brand-dark sm:text-3xl">Je crée mon espace sécurisé</h1>
        <Stepper current={step} reached={reached} />
      </div>
      <section aria-labelledby="titre-etape" className="flex flex-col gap-4">
        <h2 id="titre-etape" className="text-xl font-bold sm:text-2xl">
          {label}
        </h2>
        {children}
      </section>
    </div>
  );
}
