/** Administrateur (all rights, manages users) or Collaborateur (the rights chosen per area). */
export function RoleFieldset({ defaultRole, error }: { defaultRole: 'admin' | 'collaborator'; error?: string }) {
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? 'role-erreur' : undefined}>
      <legend className="mb-1 font-semibold">Rôle</legend>
      {error && (
        <p id="role-erreur" className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      <label className="inline-flex min-h-11 items-center gap-2">
        <input type="radio" name="role" value="collaborator" defaultChecked={defaultRole === 'collaborator'} className="h-5 w-5 accent-brand" />
        Collaborateur : les droits choisis ci-dessous
      </label>
      <label className="inline-flex min-h-11 items-center gap-2">
        <input type="radio" name="role" value="admin" defaultChecked={defaultRole === 'admin'} className="h-5 w-5 accent-brand" />
        Administrateur : tous les droits, dont la gestion des utilisateurs et des délégations
      </label>
    </fieldset>
  );
}
