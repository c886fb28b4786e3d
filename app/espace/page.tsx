import { redirect } from 'next/navigation';

// Until sign-in lands (issue « First connection »), the space's entry sends visitors to the login page.
export default function SpaceHome() {
  redirect('/connexion');
}
