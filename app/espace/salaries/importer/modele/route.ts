import { getCurrentSession } from '@/lib/auth/current';
import { workerCsvModel } from '@/lib/workers/csv';
import { fileDownload, notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The model file of the workers' import (no data of anyone's: signed-in users only, like the rest of the space). */
export const GET = answerFailures(
  'salaries',
  'Le fichier modèle n’a pas pu être préparé à cause d’un incident technique de notre côté.',
  async () => {
    const session = await getCurrentSession();
    if (!session) return notFoundResponse();
    return fileDownload({ bytes: workerCsvModel(), fileName: 'modele-salaries.csv', contentType: 'text/csv; charset=utf-8' });
  },
);
