import { ADMIN_ACTIONS } from '../../permissions';

export default () => ({
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.get',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ADMIN_ACTIONS.readOverview] } },
        ],
      },
    },
  ],
});
